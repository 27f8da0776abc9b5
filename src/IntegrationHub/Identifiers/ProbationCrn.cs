using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Identifiers;

/// <summary>A probation case reference number (CRN): one letter then six digits, e.g. X123456.</summary>
public static class ProbationCrn
{
    static readonly IdentifierShape Shape = new(IdentifierPatterns.Crn);

    public static string Normalise(string value) => value.Trim().ToUpperInvariant();

    public static bool IsValid(string? value) => value is not null && Shape.Fits(Normalise(value));
}
