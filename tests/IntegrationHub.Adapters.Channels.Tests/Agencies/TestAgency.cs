using System.Text.Json;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Tests.Agencies;

/// <summary>A stand-in agency: the channels and the registry are under test here, not an agency's documents.</summary>
static class TestAgency
{
    public static AgencyDefinition Definition(string code, string theme = AgencyThemes.Housing) => new()
    {
        Code = code,
        Name = $"Test {code}",
        NameInSentence = $"the test {code}",
        Theme = theme,
        Format = new JsonFormat(code),
        DefaultOrganisation = new Organisation($"{code}-organisation", $"Test {code} organisation"),
        SharedSections = [PlanSectionCodes.Accommodation],
        SharedIdentifiers = [IdentifierTypes.LocalAuthorityPersonId],
        ServiceLevels = new ServiceLevels(AcknowledgeWithin: 1, DecideWithin: 10),
        Documents = [],
        Demo = new DemoStandIn("Test worker", "Test reason for referral"),
    };

    sealed class JsonFormat(string agency) : IAgencyFormat
    {
        public string Agency => agency;

        public AgencyDocument Referral(LegRequested leg) => new("application/json", JsonSerializer.Serialize(new { legId = leg.LegId }));

        public AgencyDocument Cancellation(LegCancelled cancelled) => new("application/json", JsonSerializer.Serialize(new { legId = cancelled.LegId, cancelled = true }));

        public IReadOnlyList<ILegAnswer> ReadAnswer(string body) => throw new NotSupportedException("Answers are not read in these tests.");

        public IReadOnlyDictionary<string, string> DeclineReasons { get; } = new Dictionary<string, string>();

        public IReadOnlyList<DeliveryRequirement> DeliveryRequirements => [];
    }
}
