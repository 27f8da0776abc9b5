namespace IntegrationHub.DeploymentTests.Images;

/// <summary>
/// One of the images the repository builds: its name, its Dockerfile, the project it publishes and the assembly its
/// entry point runs. The Kubernetes manifests refer to the images by these names.
/// </summary>
public sealed record ContainerImage(string Repository, string Project)
{
    public static readonly ContainerImage Hub = new("care-leaver-hub/hub", "src/IntegrationHub/IntegrationHub.csproj");
    public static readonly ContainerImage AdaptersHost = new("care-leaver-hub/adapters-host", "src/IntegrationHub.Adapters.Host/IntegrationHub.Adapters.Host.csproj");

    public static TheoryData<string> Names => new(Hub.Repository, AdaptersHost.Repository);

    public static ContainerImage Named(string repository) => new[] { Hub, AdaptersHost }.Single(i => i.Repository == repository);

    public string ProjectDirectory => Path.GetDirectoryName(Project)!;

    public string DockerfilePath => $"{ProjectDirectory}/Dockerfile";

    public string Assembly => $"{Path.GetFileNameWithoutExtension(Project)}.dll";

    public Dockerfile Dockerfile() => Images.Dockerfile.Parse(File.ReadAllText(RepositoryRoot.File(DockerfilePath)));
}

/// <summary>The repository's root, where <c>IntegrationHub.sln</c> is, found from the test's own folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find(AppContext.BaseDirectory);

    public static string File(string relative) => System.IO.Path.Combine(Path, relative);

    static string Find(string from) =>
        System.IO.File.Exists(System.IO.Path.Combine(from, "IntegrationHub.sln"))
            ? from
            : Find(Directory.GetParent(from)?.FullName ?? throw new DirectoryNotFoundException("No IntegrationHub.sln above the tests' folder."));
}
