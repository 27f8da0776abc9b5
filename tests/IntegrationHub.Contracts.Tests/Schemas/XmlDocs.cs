using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IntegrationHub.Contracts.Tests.Schemas;

/// <summary>
/// The XML documentation comments of the assemblies whose records are published documents, as
/// plain text for schema descriptions, with the <c>cref</c>s a property's comment names.
/// </summary>
public sealed partial class XmlDocs
{
    readonly Dictionary<string, XElement> members = [];
    readonly Dictionary<string, Type> types = [];

    public XmlDocs(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
        {
            var file = Path.ChangeExtension(assembly.Location, ".xml");
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"{file} is missing: {assembly.GetName().Name} must set GenerateDocumentationFile.");
            }

            foreach (var member in XDocument.Load(file).Descendants("member"))
            {
                members[member.Attribute("name")!.Value] = member;
            }

            foreach (var type in assembly.GetTypes())
            {
                types[type.FullName!.Replace('+', '.')] = type;
            }
        }
    }

    /// <summary>The summary of a type.</summary>
    public string? Summary(Type type) => Text(members.GetValueOrDefault($"T:{Id(type)}")?.Element("summary"));

    /// <summary>The summary of a constant or other field.</summary>
    public string? Summary(FieldInfo field) => Text(members.GetValueOrDefault($"F:{Id(field.DeclaringType!)}.{field.Name}")?.Element("summary"));

    /// <summary>A record property's comment: its positional parameter's, else the property's own summary.</summary>
    public XElement? Comment(PropertyInfo property) =>
        members.GetValueOrDefault($"T:{Id(property.DeclaringType!)}")?.Elements("param").FirstOrDefault(p => p.Attribute("name")?.Value == property.Name)
        ?? members.GetValueOrDefault($"P:{Id(property.DeclaringType!)}.{property.Name}")?.Element("summary");

    /// <summary>The comment as one line of text: a <c>see</c> becomes its target's name, <c>c</c> its text.</summary>
    public static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = string.Concat(element.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" or "seealso" } e => e.Attribute("langword")?.Value ?? e.Attribute("href")?.Value ?? ShortName(e.Attribute("cref")?.Value ?? ""),
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => e.Attribute("name")?.Value ?? "",
            XElement e => Text(e),
            _ => "",
        }));
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>Each <c>cref</c> of the comment that names a type or field, with the text just before it.</summary>
    public IEnumerable<(string Before, MemberInfo Target)> References(XElement comment)
    {
        var before = "";
        foreach (var node in comment.Nodes())
        {
            if (node is XElement { Name.LocalName: "see" } see && see.Attribute("cref")?.Value is { } cref && Resolve(cref) is { } target)
            {
                yield return (before.Trim(), target);
            }

            before = node is XText text ? text.Value : Text(node as XElement) ?? "";
        }
    }

    MemberInfo? Resolve(string cref) => cref[..2] switch
    {
        "T:" => types.GetValueOrDefault(cref[2..]),
        "F:" => types.GetValueOrDefault(cref[2..cref.LastIndexOf('.')])?.GetField(cref[(cref.LastIndexOf('.') + 1)..]),
        _ => null,
    };

    static string Id(Type type) => type.FullName!.Replace('+', '.');

    static string ShortName(string cref) => cref.Length > 2 ? cref[2..].Split('.')[^1] : cref;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
