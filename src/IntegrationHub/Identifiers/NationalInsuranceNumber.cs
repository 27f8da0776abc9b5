namespace IntegrationHub.Identifiers;

/// <summary>
/// A National Insurance number: two prefix letters, six digits, a suffix A to D. HMRC never
/// issues D, F, I, Q, U or V as either prefix letter, nor O as the second, nor the prefixes
/// BG, GB, KN, NK, NT, TN and ZZ. (So the QQ123456C of HMRC's examples is refused.)
/// </summary>
public static class NationalInsuranceNumber
{
    static readonly HashSet<string> ExcludedPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];
    const string NeverUsedLetters = "DFIQUV";

    public static string Normalise(string value) => value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var nino = Normalise(value);
        if (nino.Length != 9)
        {
            return false;
        }

        char first = nino[0], second = nino[1];
        return char.IsAsciiLetterUpper(first)
            && char.IsAsciiLetterUpper(second)
            && !NeverUsedLetters.Contains(first, StringComparison.Ordinal)
            && !NeverUsedLetters.Contains(second, StringComparison.Ordinal)
            && second != 'O'
            && !ExcludedPrefixes.Contains(nino[..2])
            && nino[2..8].All(char.IsAsciiDigit)
            && nino[8] is >= 'A' and <= 'D';
    }
}
