using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Identifiers;

/// <summary>An NHS number: ten digits, the last a modulus-11 check digit.</summary>
public static class NhsNumber
{
    static readonly IdentifierShape Shape = new(IdentifierPatterns.NhsNumber);

    public static string Normalise(string value) => value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var digits = Normalise(value);
        if (!Shape.Fits(digits))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        // A remainder giving 10 means no valid check digit exists for the first nine digits.
        return check != 10 && check == digits[9] - '0';
    }
}
