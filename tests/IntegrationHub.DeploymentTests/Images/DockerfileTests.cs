using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IntegrationHub.DeploymentTests.Images;

/// <summary>
/// What each image's Dockerfile promises the cluster it runs on, checked from its text (this machine has no Docker
/// engine to build it): pinned base images, an SDK stage that builds and an ASP.NET stage that runs, a non-root user,
/// port 8080, the right entry point, no secret, and a restore layer that has every project the build needs.
/// </summary>
public sealed partial class DockerfileTests
{
    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void Every_base_image_is_pinned_to_an_exact_patch_tag(string image)
    {
        var dockerfile = ContainerImage.Named(image).Dockerfile();

        Assert.All(BaseImages(dockerfile), from => Assert.Matches(PinnedDotnetImage(), from));
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void It_builds_in_an_sdk_stage_and_runs_in_an_aspnet_stage_that_takes_only_the_published_output(string image)
    {
        var dockerfile = ContainerImage.Named(image).Dockerfile();

        Assert.Equal(2, dockerfile.Stages.Count);
        var build = dockerfile.Stages[0];
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", build.Image, StringComparison.Ordinal);
        Assert.Contains(build.All("RUN"), r => r.Arguments.StartsWith("dotnet publish ", StringComparison.Ordinal) && r.Arguments.Contains("-c Release", StringComparison.Ordinal));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", dockerfile.Final.Image, StringComparison.Ordinal);
        var copy = Assert.Single(dockerfile.Final.All("COPY"));
        Assert.StartsWith($"--from={build.Name} ", copy.Arguments, StringComparison.Ordinal);
        Assert.Empty(dockerfile.Final.All("RUN"));
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void The_sdk_image_is_the_sdk_that_global_json_pins(string image)
    {
        var dockerfile = ContainerImage.Named(image).Dockerfile();
        using var globalJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("global.json")));

        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{globalJson.RootElement.GetProperty("sdk").GetProperty("version").GetString()}", dockerfile.Stages[0].Image);
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void It_runs_as_the_non_root_app_user_by_number(string image)
    {
        var user = Assert.Single(ContainerImage.Named(image).Dockerfile().Final.All("USER")).Arguments;

        Assert.Equal("1654", user);
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void It_listens_on_port_8080_and_exposes_it(string image)
    {
        var final = ContainerImage.Named(image).Dockerfile().Final;

        Assert.Equal("8080", Assert.Single(final.All("EXPOSE")).Arguments);
        Assert.Equal("8080", final.Variables()["ASPNETCORE_HTTP_PORTS"]);
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void Its_entry_point_runs_its_projects_assembly(string image)
    {
        var definition = ContainerImage.Named(image);

        var entrypoint = Assert.Single(definition.Dockerfile().Final.All("ENTRYPOINT"));

        Assert.StartsWith("[", entrypoint.Arguments, StringComparison.Ordinal);
        Assert.Equal(["dotnet", definition.Assembly], entrypoint.Words);
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void It_writes_nothing_to_its_root_filesystem_for_diagnostics(string image)
    {
        var final = ContainerImage.Named(image).Dockerfile().Final;

        Assert.Equal("0", final.Variables()["DOTNET_EnableDiagnostics"]);
        Assert.Equal("/app", Assert.Single(final.All("WORKDIR")).Arguments);
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void No_environment_variable_or_build_argument_looks_like_a_secret(string image)
    {
        var dockerfile = ContainerImage.Named(image).Dockerfile();

        var names = dockerfile.Stages.SelectMany(s => s.Variables("ENV").Keys.Concat(s.Variables("ARG").Keys));

        Assert.All(names, name => Assert.DoesNotMatch(SecretLikeName(), name.Replace("_", "", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void Its_health_is_a_healthcheck_or_the_kubernetes_probes_it_documents(string image)
    {
        var dockerfile = ContainerImage.Named(image).Dockerfile();

        var documented = string.Join(' ', dockerfile.Comments);

        Assert.True(
            dockerfile.Final.All("HEALTHCHECK").Any() || (documented.Contains("/health/live", StringComparison.Ordinal) && documented.Contains("/health/ready", StringComparison.Ordinal)),
            "The Dockerfile has no HEALTHCHECK and does not say that Kubernetes probes /health/live and /health/ready.");
    }

    [Theory]
    [MemberData(nameof(ContainerImage.Names), MemberType = typeof(ContainerImage))]
    public void Its_restore_layer_has_the_build_settings_and_every_project_the_image_builds(string image)
    {
        var definition = ContainerImage.Named(image);
        var build = definition.Dockerfile().Stages[0];

        var beforeRestore = build.Instructions.TakeWhile(i => !(i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal))).ToList();
        var restore = build.Instructions[beforeRestore.Count];
        var copied = beforeRestore.Where(i => i.Keyword == "COPY").SelectMany(Copied).ToHashSet();

        Assert.Equal($"dotnet restore {definition.Project}", restore.Arguments);
        Assert.Superset(new HashSet<string> { "global.json", "Directory.Build.props", "Directory.Packages.props", "src/Container.props" }, copied);
        Assert.Superset(ProjectClosure(definition.Project), copied);
    }

    [Fact]
    public void The_build_context_leaves_out_build_outputs_databases_and_the_git_history()
    {
        var ignored = File.ReadAllLines(RepositoryRoot.File(".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "**/artifacts/", "**/TestResults/", "**/node_modules/", "**/*.db", ".git", "**/appsettings.Development.json" }, ignored);
    }

    static IEnumerable<string> BaseImages(Dockerfile dockerfile)
    {
        var stageNames = dockerfile.Stages.Select(s => s.Name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return dockerfile.Stages.Select(s => s.Image).Where(i => !stageNames.Contains(i));
    }

    /// <summary>
    /// The files a <c>COPY</c> puts in the image, as repository paths: a file copied into a folder keeps its name there.
    /// Whole folders (<c>COPY src/ src/</c>) are the sources, copied after the restore.
    /// </summary>
    static IEnumerable<string> Copied(Dockerfile.Instruction copy)
    {
        var words = copy.Words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
        var destination = words[^1];
        return words[..^1].Select(source =>
            destination == "./" ? source
            : destination.EndsWith('/') ? $"{destination}{Path.GetFileName(source)}"
            : destination);
    }

    /// <summary>The project and every project it references, through references by wildcard too, as repository paths.</summary>
    static HashSet<string> ProjectClosure(string project)
    {
        var closure = new HashSet<string>();
        var toVisit = new Stack<string>([project]);
        while (toVisit.TryPop(out var next))
        {
            if (!closure.Add(next))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(RepositoryRoot.File(next))!;
            foreach (var reference in XDocument.Load(RepositoryRoot.File(next)).Descendants("ProjectReference"))
            {
                foreach (var file in Expand(directory, reference.Attribute("Include")!.Value, reference.Attribute("Exclude")?.Value))
                {
                    toVisit.Push(Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'));
                }
            }
        }

        return closure;
    }

    /// <summary>A <c>ProjectReference</c>'s Include, with a wildcard in its folder and file names, less its Exclude.</summary>
    static IEnumerable<string> Expand(string directory, string include, string? exclude)
    {
        var path = Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')));
        var excluded = exclude is null ? null : Path.GetFullPath(Path.Combine(directory, exclude.Replace('\\', '/').Replace("**", "", StringComparison.Ordinal)));
        var folders = Directory.GetDirectories(Path.GetDirectoryName(Path.GetDirectoryName(path))!, Path.GetFileName(Path.GetDirectoryName(path))!);
        return folders.SelectMany(f => Directory.GetFiles(f, Path.GetFileName(path)))
            .Where(f => excluded is null || !f.StartsWith(excluded, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^mcr\.microsoft\.com/dotnet/(sdk|aspnet):\d+\.\d+\.\d+(@sha256:[0-9a-f]{64})?$")]
    private static partial Regex PinnedDotnetImage();

    [GeneratedRegex("password|secret|key|token|connectionstring|credential", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLikeName();
}
