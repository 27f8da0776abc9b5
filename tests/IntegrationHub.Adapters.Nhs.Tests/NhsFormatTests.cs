using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Nhs.Tests;

public class NhsFormatTests
{
    static readonly NhsFormat Format = new();

    [Fact]
    public void Decline_reasons_are_codes_each_with_words_to_show()
    {
        Assert.Empty(DeclineReasonList.ProblemsWith(Format.DeclineReasons));
    }

    [Fact]
    public void Nothing_is_required_so_a_leg_with_no_identifier_or_contact_is_referred()
    {
        var full = TestLegs.Full();
        var bare = full with { Person = full.Person with { Identifiers = [], Contact = new ContactDetails(null, null, null, null) } };

        Assert.Empty(Format.DeliveryRequirements);
        Assert.Equal(NhsFormat.ContentType, Format.Referral(bare).ContentType);
    }
}
