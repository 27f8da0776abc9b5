namespace IntegrationHub.Identifiers;

/// <summary>A local authority's own person id (from its case management system): 1 to 32 letters, digits or hyphens.</summary>
public static class LocalAuthorityPersonId
{
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Length <= 32
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
