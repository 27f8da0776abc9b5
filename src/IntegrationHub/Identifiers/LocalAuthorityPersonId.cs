using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Identifiers;

/// <summary>A local authority's own person id (from its case management system): 1 to 32 letters, digits or hyphens.</summary>
public static class LocalAuthorityPersonId
{
    static readonly IdentifierShape Shape = new(IdentifierPatterns.LocalAuthorityPersonId);

    public static bool IsValid(string? value) => value is not null && Shape.Fits(value);
}
