using IntegrationHub.Adapters.Testing;

namespace IntegrationHub.Adapters.Nhs.Tests;

public class NhsFormatTests
{
    static readonly NhsFormat Format = new();

    [Fact]
    public void Decline_reasons_are_codes_each_with_words_to_show()
    {
        Assert.Empty(DeclineReasonList.ProblemsWith(Format.DeclineReasons));
    }
}
