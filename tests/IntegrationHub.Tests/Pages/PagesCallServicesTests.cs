using System.Text.RegularExpressions;

namespace IntegrationHub.Tests.Pages;

/// <summary>
/// Handlers translate, services decide: a page calls the feature services the endpoints call, never an
/// endpoint's handler, and knows nothing of HTTP results. Read from the pages' source, .cs and .cshtml alike.
/// </summary>
public class PagesCallServicesTests
{
    /// <summary>The endpoint groups: the hub's static classes named for an API, e.g. <c>ReferralsApi</c>.</summary>
    static readonly string[] EndpointClasses =
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Api", StringComparison.Ordinal))
            .Select(t => t.Name),
    ];

    [Fact]
    public void No_page_refers_to_an_endpoint_class_or_to_http_results()
    {
        var pages = Path.Combine(RepositoryFiles.Root, "src", "IntegrationHub", "Pages");
        var forbidden = new Regex($@"\b({string.Join('|', EndpointClasses)}|HttpResults|IResult)\b");
        var files = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories).ToList();

        var offences =
            from file in files
            from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
            where forbidden.IsMatch(line.Text)
            select $"{Path.GetRelativePath(RepositoryFiles.Root, file)}:{line.Number}: {line.Text.Trim()}";

        Assert.Contains("ReferralsApi", EndpointClasses);
        Assert.Contains(files, f => f.EndsWith("Show.cshtml.cs", StringComparison.Ordinal));
        Assert.Empty(offences);
    }
}
