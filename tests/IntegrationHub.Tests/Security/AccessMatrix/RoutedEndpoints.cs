using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// The endpoints the running hub routes, named as the matrix's rows name them: <c>METHOD /route</c> for the API, FHIR and
/// health (<c>ANY</c> where an endpoint, or a page without handlers, takes every method); for a page, one per handler, <c>METHOD /route?handler=name</c>
/// at the page's shortest route (an index page is routed at <c>/board</c> and <c>/board/index</c> alike, with the same rules).
/// </summary>
public static class RoutedEndpoints
{
    public static IReadOnlySet<string> Of(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null))
        {
            var route = $"/{endpoint.RoutePattern.RawText?.Trim('/')}";
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
            {
                names.Add($"{method} {route}");
            }
        }

        var pages = endpoints
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .GroupBy(e => e.Page!.ViewEnginePath);
        foreach (var page in pages)
        {
            var route = page.Select(e => Lowercase(e.Endpoint.RoutePattern.RawText)).MinBy(r => r.Length)!;
            var handlers = page.First().Page!.HandlerMethods;
            if (handlers.Count == 0)
            {
                // A page without a model of its own renders for every method.
                names.Add($"ANY {route}");
            }

            foreach (var handler in handlers)
            {
                var name = handler.Name is null ? "" : $"?handler={handler.Name.ToLowerInvariant()}";
                names.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{name}");
            }
        }

        return names;
    }

    /// <summary>A page's route as its links are written (the hub's URLs are lower case), its parameters as named.</summary>
    static string Lowercase(string? route) =>
        $"/{string.Join('/', (route ?? "").Trim('/').Split('/').Select(s => s.StartsWith('{') ? s : s.ToLowerInvariant()))}";
}
