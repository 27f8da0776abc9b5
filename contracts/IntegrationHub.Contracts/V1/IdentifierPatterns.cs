namespace IntegrationHub.Contracts.V1;

/// <summary>
/// The shape of each identifier, as the hub checks it when a young person is registered and as the
/// published schemas state it (ECMAScript and .NET read these regular expressions alike). Each field
/// is named as its type in <see cref="IdentifierTypes"/>.
/// </summary>
public static class IdentifierPatterns
{
    /// <summary>1 to 32 letters, digits or hyphens.</summary>
    public const string LocalAuthorityPersonId = "^[A-Za-z0-9-]{1,32}$";

    /// <summary>Ten digits (the last is a modulus-11 check digit, which the hub also checks).</summary>
    public const string NhsNumber = "^[0-9]{10}$";

    /// <summary>
    /// Two prefix letters, six digits, a suffix A to D, upper case without spaces. HMRC never issues D, F, I, Q, U
    /// or V as either prefix letter, nor O as the second, nor the prefixes BG, GB, KN, NK, NT, TN and ZZ.
    /// </summary>
    public const string NationalInsuranceNumber = "^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$";

    /// <summary>One upper-case letter then six digits, e.g. X123456.</summary>
    public const string Crn = "^[A-Z][0-9]{6}$";
}
