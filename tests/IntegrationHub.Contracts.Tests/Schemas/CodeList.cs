using System.Reflection;
using System.Xml.Linq;

namespace IntegrationHub.Contracts.Tests.Schemas;

/// <summary>
/// A static class of <c>const string</c> codes that a property's comment names, e.g.
/// <c>One of &lt;see cref="HousingDecisionStatuses"/&gt;</c>. The words before the reference say how:
/// "one of", "codes from" or "types from" close the property to the list; "such as" names the codes
/// the hub knows of an agency's own open list.
/// </summary>
/// <param name="Codes">The list's <c>All</c> where it has one (the list the translators check against), else its constants in order.</param>
public sealed record CodeList(Type Type, bool Closed, IReadOnlyList<(string Code, string? Description)> Codes)
{
    static readonly string[] ClosingWords = ["one of", "codes from", "types from"];
    const string OpeningWords = "such as";

    /// <summary>The code list a property's comment names, if it names one in one of the ways above.</summary>
    public static CodeList? Named(XmlDocs docs, XElement? comment)
    {
        if (comment is null)
        {
            return null;
        }

        foreach (var (before, target) in docs.References(comment))
        {
            var closed = ClosingWords.Any(w => before.EndsWith(w, StringComparison.OrdinalIgnoreCase));
            if (target is Type type && Constants(type).Any() && (closed || before.EndsWith(OpeningWords, StringComparison.OrdinalIgnoreCase)))
            {
                return new CodeList(type, closed, CodesOf(docs, type));
            }
        }

        return null;
    }

    static IEnumerable<FieldInfo> Constants(Type type) =>
        type is { IsAbstract: true, IsSealed: true }
            ? type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            : [];

    static List<(string, string?)> CodesOf(XmlDocs docs, Type type)
    {
        var constants = Constants(type).ToDictionary(f => (string)f.GetRawConstantValue()!);
        var all = type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable<string> ?? constants.Keys;
        var described = type.GetProperty("Descriptions", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlyDictionary<string, string>;
        return [.. all.Select(code => (code, described?.GetValueOrDefault(code) ?? (constants.TryGetValue(code, out var field) ? docs.Summary(field) : null)))];
    }
}
