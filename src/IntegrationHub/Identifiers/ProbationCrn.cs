namespace IntegrationHub.Identifiers;

/// <summary>A probation case reference number (CRN): one letter then six digits, e.g. X123456.</summary>
public static class ProbationCrn
{
    public static string Normalise(string value) => value.Trim().ToUpperInvariant();

    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var crn = Normalise(value);
        return crn.Length == 7 && char.IsAsciiLetterUpper(crn[0]) && crn[1..].All(char.IsAsciiDigit);
    }
}
