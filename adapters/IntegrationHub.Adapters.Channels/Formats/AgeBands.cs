using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Formats;

/// <summary>The care leaver age bands the board reports by.</summary>
public static class AgeBands
{
    /// <summary>16 or 17 years old.</summary>
    public const string SixteenToSeventeen = "16-17";

    /// <summary>18 to 20 years old.</summary>
    public const string EighteenToTwenty = "18-20";

    /// <summary>21 to 25 years old.</summary>
    public const string TwentyOneToTwentyFive = "21-25";

    public static IReadOnlyList<string> All { get; } = [SixteenToSeventeen, EighteenToTwenty, TwentyOneToTwentyFive];

    /// <summary>The band of someone born on <paramref name="dateOfBirth"/>, on the (UTC) date of <paramref name="at"/>; null outside 16 to 25.</summary>
    public static string? On(DateOnly dateOfBirth, DateTimeOffset at)
    {
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        var age = today.Year - dateOfBirth.Year;
        if (today < dateOfBirth.AddYears(age))
        {
            age--;
        }

        return age switch
        {
            16 or 17 => SixteenToSeventeen,
            >= 18 and <= 20 => EighteenToTwenty,
            >= 21 and <= 25 => TwentyOneToTwentyFive,
            _ => null,
        };
    }

    /// <summary>The young person is 16 to 25 on the referral date; what it reads is their <see cref="On"/> band.</summary>
    /// <param name="agencyName">The agency as a sentence names it, e.g. "The Jobcentre".</param>
    public static DeliveryRequirement<string> Requirement(string agencyName) => new(
        "person.dateOfBirth",
        $"{agencyName} takes care leavers aged 16 to 25 on the referral date: check the young person's date of birth.",
        leg => On(leg.Person.DateOfBirth, leg.RequestedAt));
}
