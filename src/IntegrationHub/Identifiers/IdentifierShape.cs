using System.Text.RegularExpressions;

namespace IntegrationHub.Identifiers;

/// <summary>An identifier's pattern from <c>IdentifierPatterns</c>, the one the published schemas state.</summary>
sealed class IdentifierShape(string pattern)
{
    readonly Regex regex = new(pattern, RegexOptions.CultureInvariant);

    /// <summary>
    /// The whole value has the shape. .NET's <c>$</c> also matches before a final line feed, which a
    /// schema validator's does not, so the match must span the value.
    /// </summary>
    public bool Fits(string value) => regex.Match(value) is { Success: true } match && match.Length == value.Length;
}
