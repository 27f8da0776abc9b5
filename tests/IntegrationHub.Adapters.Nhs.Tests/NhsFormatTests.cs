namespace IntegrationHub.Adapters.Nhs.Tests;

public class NhsFormatTests
{
    static readonly NhsFormat Format = new();

    [Fact]
    public void Decline_reasons_are_codes_each_with_words_to_show()
    {
        Assert.NotEmpty(Format.DeclineReasons);
        Assert.All(Format.DeclineReasons, reason =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", reason.Key);
            Assert.False(string.IsNullOrWhiteSpace(reason.Value));
        });
    }
}
