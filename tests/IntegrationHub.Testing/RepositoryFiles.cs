namespace IntegrationHub.Testing;

/// <summary>The repository's own files, for a test that checks the source itself.</summary>
public static class RepositoryFiles
{
    /// <summary>The folder that holds <c>IntegrationHub.sln</c>, found by walking up from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IntegrationHub.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds IntegrationHub.sln.");
    }
}
