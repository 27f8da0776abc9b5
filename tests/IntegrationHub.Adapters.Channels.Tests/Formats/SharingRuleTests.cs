using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Tests.Formats;

public class SharingRuleTests
{
    static readonly SharingRule Rule = new([PlanSectionCodes.Eet, PlanSectionCodes.Financial], [IdentifierTypes.NationalInsuranceNumber]);

    static PlanSection Section(string code, string need) => new(code, [need], [], null, null);

    static readonly PlanSection[] Sent = [Section(PlanSectionCodes.Health, "health"), Section(PlanSectionCodes.Financial, "first"), Section(PlanSectionCodes.Eet, "eet"), Section(PlanSectionCodes.Financial, "second")];

    static readonly PersonIdentifier[] Identifiers =
    [
        new(IdentifierTypes.NhsNumber, "9434765919"),
        new(IdentifierTypes.NationalInsuranceNumber, "  "),
        new(IdentifierTypes.NationalInsuranceNumber, " AB123456C "),
    ];

    [Fact]
    public void Section_is_the_first_sent_of_a_code_the_agency_may_see()
    {
        Assert.Equal("first", Rule.Section(Sent, PlanSectionCodes.Financial)?.Needs[0]);
        Assert.Null(Rule.Section(Sent, PlanSectionCodes.Health));
        Assert.Null(Rule.Section([], PlanSectionCodes.Eet));
    }

    [Fact]
    public void Shared_sections_are_those_the_agency_may_see_in_the_order_sent()
    {
        Assert.Equal(["first", "eet", "second"], Rule.SharedSections(Sent).Select(s => s.Needs[0]));
    }

    [Fact]
    public void Identifier_is_the_first_non_blank_value_trimmed_of_a_type_the_agency_may_see()
    {
        Assert.Equal("AB123456C", Rule.Identifier(Identifiers, IdentifierTypes.NationalInsuranceNumber));
        Assert.Null(Rule.Identifier(Identifiers, IdentifierTypes.NhsNumber));
    }

    [Fact]
    public void Shared_identifiers_are_the_non_blank_ones_of_types_the_agency_may_see()
    {
        Assert.Equal([Identifiers[2]], Rule.SharedIdentifiers(Identifiers));
    }
}
