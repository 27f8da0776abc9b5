using System.Runtime.CompilerServices;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Dwp.Answers;
using IntegrationHub.Adapters.Dwp.Referrals;
using IntegrationHub.Adapters.Housing.Answers;
using IntegrationHub.Adapters.Housing.Referrals;
using IntegrationHub.Adapters.Probation.Answers;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Adapters.Yos.Answers;
using IntegrationHub.Adapters.Yos.Referrals;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Contracts.Tests;

/// <summary>
/// Every JSON document a partner system sees, with the name of its schema in <c>contracts/schemas</c>.
/// Agency documents travel as plain JSON on the AMQP and webhook channels; the hub's own contracts
/// travel in MassTransit's envelope for partners that use it.
/// </summary>
public static class PartnerDocuments
{
    /// <param name="Json">The serializer options that really write (or read) the document.</param>
    /// <param name="Translate">For an answer an agency sends: the translator that reads it.</param>
    /// <param name="Example">The golden file of the document, a real translator output.</param>
    public sealed record Document(string Name, Type Type, JsonSerializerOptions Json, Func<string, object>? Translate = null, string? Example = null);

    /// <summary>MassTransit's own options for the hub's contracts in its envelope: camelCase, nulls left out.</summary>
    static readonly JsonSerializerOptions Envelope = MassTransit.Serialization.SystemTextJsonMessageSerializer.Options;

    static string Golden(string path) => Path.GetFullPath(Path.Combine(ContractsFolder(), "..", "tests", path));

    public static IReadOnlyList<Document> AgencyDocuments { get; } =
    [
        new("housing.duty-to-refer-referral", typeof(DutyToReferReferral), AgencyJson.Options, Example: Golden("IntegrationHub.Adapters.Housing.Tests/Golden/duty-to-refer-referral.json")),
        new("housing.duty-to-refer-cancellation", typeof(DutyToReferCancellation), AgencyJson.Options),
        new("housing.decision", typeof(HousingDecision), AgencyJson.Options, HousingDecisionTranslator.Translate),
        new("dwp.care-leaver-referral", typeof(CareLeaverReferral), AgencyJson.Options, Example: Golden("IntegrationHub.Adapters.Dwp.Tests/Golden/care-leaver-referral.json")),
        new("dwp.care-leaver-referral-cancellation", typeof(CareLeaverReferralCancellation), AgencyJson.Options),
        new("dwp.jobcentre-update", typeof(JobcentreUpdate), AgencyJson.Options, JobcentreUpdateTranslator.Translate),
        new("probation.referral-event", typeof(ReferralEvent), AgencyJson.Options, Example: Golden("IntegrationHub.Adapters.Probation.Tests/Golden/referral-requested-event.json")),
        new("probation.referral-detail", typeof(ProbationReferralDetail), AgencyJson.Options, Example: Golden("IntegrationHub.Adapters.Probation.Tests/Golden/referral-detail.json")),
        new("probation.event", typeof(ProbationEvent), AgencyJson.Options, ProbationEventTranslator.Translate),
        new("yos.youth-justice-referral", typeof(YouthJusticeReferral), AgencyJson.Options, Example: Golden("IntegrationHub.Adapters.Yos.Tests/Golden/youth-justice-referral.json")),
        new("yos.youth-justice-referral-cancellation", typeof(YouthJusticeReferralCancellation), AgencyJson.Options),
        new("yos.update", typeof(YosUpdate), AgencyJson.Options, YosUpdateTranslator.Translate),
    ];

    /// <summary>Every message record of <c>IntegrationHub.Contracts.V1</c>, found by reflection so a new one cannot be forgotten.</summary>
    public static IReadOnlyList<Document> HubContracts { get; } =
    [
        .. typeof(LegRequested).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(LegRequested).Namespace && t.IsClass && !t.IsAbstract && IsMessage(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new Document($"hub.{Kebab(t.Name)}", t, Envelope)),
    ];

    public static IEnumerable<Document> All => AgencyDocuments.Concat(HubContracts);

    /// <summary>The repository's <c>contracts</c> folder, found from this source file.</summary>
    public static string ContractsFolder() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "contracts"));

    static string ThisFile([CallerFilePath] string path = "") => path;

    static bool IsMessage(Type type) =>
        typeof(ILegAnswer).IsAssignableFrom(type) || type == typeof(LegRequested) || type == typeof(LegCancelled);

    static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
