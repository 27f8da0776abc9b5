using System.ComponentModel;
using System.Diagnostics;

namespace IntegrationHub.DeploymentTests.Kubernetes;

/// <summary>What a command printed and how it ended.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}\n{Errors}";
}

/// <summary>
/// Runs kubectl and the validator (k8s/validate, installed by <c>npm ci</c>, which scripts/test.sh runs)
/// from the repository's root. A missing tool fails the test with what to install: it never skips.
/// </summary>
public static class Tools
{
    public static string RepositoryRoot { get; } = FindRoot();

    static readonly string Validator = Path.Combine(RepositoryRoot, "k8s", "validate", "validate.mjs");

    /// <summary><c>kubectl kustomize k8s/overlays/{overlay}</c>: the overlay's manifests as kubectl would apply them.</summary>
    public static async Task<string> RenderAsync(string overlay)
    {
        var render = await RunAsync("kubectl", ["kustomize", Path.Combine("k8s", "overlays", overlay)], stdin: null);
        Assert.True(render.ExitCode == 0, $"kubectl kustomize k8s/overlays/{overlay} failed: {render}");
        return render.Output;
    }

    /// <summary>The validator on <paramref name="manifests"/> (standard input), its lines labelled <paramref name="name"/>.</summary>
    public static Task<ToolRun> ValidateAsync(string manifests, string name)
    {
        Assert.True(
            Directory.Exists(Path.Combine(RepositoryRoot, "k8s", "validate", "node_modules")),
            "k8s/validate has no node_modules: run `npm ci` in k8s/validate (scripts/test.sh does) before these tests.");
        return RunAsync("node", [Validator, "--name", name], manifests);
    }

    static async Task<ToolRun> RunAsync(string tool, string[] arguments, string? stdin)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"{tool} is not installed or not on PATH ({ex.Message}): the deployment tests need kubectl (with kustomize) and Node.js.", ex);
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
            await process.WaitForExitAsync(timeout.Token);
            return new ToolRun(process.ExitCode, await output, await errors);
        }
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntegrationHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No IntegrationHub.sln above {AppContext.BaseDirectory}.");
    }
}
