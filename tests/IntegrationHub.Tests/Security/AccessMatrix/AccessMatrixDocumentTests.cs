using Xunit.Abstractions;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// <c>docs/access-matrix.md</c> is the table written out; regenerate it with
/// <c>UPDATE_ACCESS_MATRIX=1 dotnet test tests/IntegrationHub.Tests --filter "FullyQualifiedName~AccessMatrix"</c>.
/// </summary>
public sealed class AccessMatrixDocumentTests(ITestOutputHelper output)
{
    [Fact]
    public void The_published_matrix_is_the_one_the_test_asks()
    {
        var path = Path.Combine(RepositoryFiles.Root, AccessMatrixDocument.RelativePath);
        var document = AccessMatrixDocument.Render();
        if (Environment.GetEnvironmentVariable("UPDATE_ACCESS_MATRIX") == "1")
        {
            File.WriteAllText(path, document);
        }

        output.WriteLine(AccessMatrixDocument.Size);
        output.WriteLine(document);
        Assert.True(File.Exists(path), $"{path} is missing: run the access matrix tests with UPDATE_ACCESS_MATRIX=1 and commit it.");
        Assert.True(
            File.ReadAllText(path) == document,
            $"{path} no longer shows the table in AccessTable: run the access matrix tests with UPDATE_ACCESS_MATRIX=1, review the change and commit it.");
    }
}
