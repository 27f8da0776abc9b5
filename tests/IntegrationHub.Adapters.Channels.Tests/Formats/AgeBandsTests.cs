using System.Globalization;
using IntegrationHub.Adapters.Channels.Formats;

namespace IntegrationHub.Adapters.Channels.Tests.Formats;

public class AgeBandsTests
{
    static readonly DateTimeOffset ReferredAt = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2009-03-15", null)] // 16 tomorrow
    [InlineData("2009-03-14", AgeBands.SixteenToSeventeen)] // 16th birthday on the day
    [InlineData("2007-03-15", AgeBands.SixteenToSeventeen)] // 18 tomorrow
    [InlineData("2007-03-14", AgeBands.EighteenToTwenty)]
    [InlineData("2004-03-15", AgeBands.EighteenToTwenty)] // 21 tomorrow
    [InlineData("2004-03-14", AgeBands.TwentyOneToTwentyFive)]
    [InlineData("1999-03-15", AgeBands.TwentyOneToTwentyFive)] // 26 tomorrow
    [InlineData("1999-03-14", null)] // 26th birthday on the day
    public void Band_is_the_age_on_the_date(string dateOfBirth, string? band)
    {
        Assert.Equal(band, AgeBands.On(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), ReferredAt));
    }

    [Fact]
    public void Date_is_taken_in_utc()
    {
        var justBeforeMidnightUtc = new DateTimeOffset(2025, 3, 14, 1, 0, 0, TimeSpan.FromHours(2)); // 13 March, 23:00 UTC

        Assert.Null(AgeBands.On(new DateOnly(2009, 3, 14), justBeforeMidnightUtc));
    }
}
