using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Identifiers;

/// <summary>
/// A National Insurance number: two prefix letters, six digits, a suffix A to D. HMRC never
/// issues D, F, I, Q, U or V as either prefix letter, nor O as the second, nor the prefixes
/// BG, GB, KN, NK, NT, TN and ZZ. (So the QQ123456C of HMRC's examples is refused.)
/// </summary>
public static class NationalInsuranceNumber
{
    static readonly IdentifierShape Shape = new(IdentifierPatterns.NationalInsuranceNumber);

    public static string Normalise(string value) => value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsValid(string? value) => value is not null && Shape.Fits(Normalise(value));
}
