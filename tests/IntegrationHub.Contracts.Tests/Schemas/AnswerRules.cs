using System.Text.Json.Nodes;
using IntegrationHub.Adapters.Channels;

namespace IntegrationHub.Contracts.Tests.Schemas;

/// <summary>
/// What an answer's translator requires, learnt from the translator itself so the schema cannot drift
/// from it: a translator names every missing field at once, so translating a document that gives only
/// the discriminator (the status or type) lists the fields that case requires, and giving one more
/// code (e.g. <c>declineReason: other</c>) lists what that code requires besides.
/// </summary>
/// <param name="Always">Dotted paths (<c>additionalInformation.legId</c>) every answer requires.</param>
/// <param name="Cases">Further paths required when the given top-level fields have the given codes.</param>
public sealed record AnswerRules(IReadOnlySet<string> Always, IReadOnlyList<(IReadOnlyDictionary<string, string> When, IReadOnlySet<string> Requires)> Cases)
{
    /// <param name="translate">The translator, from the document's JSON.</param>
    /// <param name="closedCodes">Each top-level field with a closed code list, by its JSON name.</param>
    public static AnswerRules Learn(Func<string, object> translate, IReadOnlyDictionary<string, IReadOnlyList<string>> closedCodes)
    {
        var nothing = Missing(translate, []);
        var discriminator = closedCodes.Keys.Single(nothing.Contains);
        var byCase = closedCodes[discriminator].ToDictionary(code => code, code => Missing(translate, new() { [discriminator] = code }));
        var always = nothing.Intersect(byCase.Values.Aggregate((a, b) => [.. a.Intersect(b)])).Append(discriminator).ToHashSet();

        List<(IReadOnlyDictionary<string, string>, IReadOnlySet<string>)> cases = [];
        foreach (var (code, missing) in byCase)
        {
            var requires = missing.Except(always).ToHashSet();
            if (requires.Count > 0)
            {
                cases.Add((new Dictionary<string, string> { [discriminator] = code }, requires));
            }

            foreach (var (field, codes) in closedCodes.Where(c => c.Key != discriminator && missing.Contains(c.Key)))
            {
                foreach (var value in codes)
                {
                    var further = Missing(translate, new() { [discriminator] = code, [field] = value }).Except(missing).ToHashSet();
                    if (further.Count > 0)
                    {
                        cases.Add((new Dictionary<string, string> { [discriminator] = code, [field] = value }, further));
                    }
                }
            }
        }

        return new AnswerRules(always, cases);
    }

    static HashSet<string> Missing(Func<string, object> translate, Dictionary<string, string> given)
    {
        var json = new JsonObject([.. given.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Value))]).ToJsonString();
        try
        {
            translate(json);
            return [];
        }
        catch (AgencyAnswerRejectedException e)
        {
            return [.. e.Errors.Keys];
        }
    }
}
