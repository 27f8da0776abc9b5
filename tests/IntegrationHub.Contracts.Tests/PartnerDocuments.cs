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
    public sealed record Document(string Name, Type Type, JsonSerializerOptions Json);

    public static IReadOnlyList<Document> AgencyDocuments { get; } =
    [
        new("housing.duty-to-refer-referral", typeof(DutyToReferReferral), AgencyJson.Options),
        new("housing.duty-to-refer-cancellation", typeof(DutyToReferCancellation), AgencyJson.Options),
        new("housing.decision", typeof(HousingDecision), AgencyJson.Options),
        new("dwp.care-leaver-referral", typeof(CareLeaverReferral), AgencyJson.Options),
        new("dwp.care-leaver-referral-cancellation", typeof(CareLeaverReferralCancellation), AgencyJson.Options),
        new("dwp.jobcentre-update", typeof(JobcentreUpdate), AgencyJson.Options),
        new("probation.referral-event", typeof(ReferralEvent), AgencyJson.Options),
        new("probation.referral-detail", typeof(ProbationReferralDetail), AgencyJson.Options),
        new("probation.event", typeof(ProbationEvent), AgencyJson.Options),
        new("yos.youth-justice-referral", typeof(YouthJusticeReferral), AgencyJson.Options),
        new("yos.youth-justice-referral-cancellation", typeof(YouthJusticeReferralCancellation), AgencyJson.Options),
        new("yos.update", typeof(YosUpdate), AgencyJson.Options),
    ];

    /// <summary>Every message record of <c>IntegrationHub.Contracts.V1</c>, found by reflection so a new one cannot be forgotten.</summary>
    public static IReadOnlyList<Document> HubContracts { get; } =
    [
        .. typeof(LegRequested).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(LegRequested).Namespace && t.IsClass && !t.IsAbstract && IsMessage(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new Document($"hub.{Kebab(t.Name)}", t, JsonSerializerOptions.Web)),
    ];

    public static IEnumerable<Document> All => AgencyDocuments.Concat(HubContracts);

    /// <summary>The repository's <c>contracts</c> folder, found from this source file.</summary>
    public static string ContractsFolder() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "contracts"));

    static string ThisFile([CallerFilePath] string path = "") => path;

    static bool IsMessage(Type type) =>
        typeof(ILegAnswer).IsAssignableFrom(type) || type == typeof(LegRequested) || type == typeof(LegCancelled);

    static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
