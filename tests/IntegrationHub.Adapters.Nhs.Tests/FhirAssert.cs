using Hl7.Fhir.Model;

namespace IntegrationHub.Adapters.Nhs.Tests;

static class FhirAssert
{
    /// <summary>Every element below <paramref name="node"/>, found generically through the SDK's element enumeration.</summary>
    public static IEnumerable<Base> Descendants(Base node)
    {
        foreach (var (_, value) in node.EnumerateElements())
        {
            var children = value switch
            {
                Base single => [single],
                IEnumerable<Base> many => many,
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
                foreach (var descendant in Descendants(child))
                {
                    yield return descendant;
                }
            }
        }
    }

    public static IReadOnlyList<ResourceReference> References(Bundle bundle) =>
        [.. Descendants(bundle).OfType<ResourceReference>().Where(r => r.Reference is not null)];

    public static T Single<T>(Bundle bundle) where T : Resource =>
        Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<T>());

    /// <summary>Every reference in the Bundle points at the fullUrl of one of its entries.</summary>
    public static void ReferencesResolve(Bundle bundle)
    {
        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToHashSet();
        var references = References(bundle);
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r.Reference, fullUrls));
    }
}
