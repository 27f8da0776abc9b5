using System.Diagnostics;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// The hub's assembly run as a deployment's job runs it, <c>dotnet IntegrationHub.dll &lt;command&gt;</c>, in the
/// Production environment with its settings in environment variables (as a container gets them).
/// </summary>
public static class HubCommand
{
    public sealed record Result(int Exit, string Output, string Error)
    {
        /// <summary>What it printed, line by line: the command's own lines among the log's.</summary>
        public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.TrimEntries);
    }

    public static async Task<Result> RunAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("IntegrationHub.dll");
        start.ArgumentList.Add(command);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The hub's process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
