using System.Text.Json;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Probation.Referrals;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Referrals;

/// <summary>
/// Free text follows the sharing rule: the Personal Adviser writes the reason for referring to each agency, and
/// nothing written for one agency, nor the referral's own summary, reaches another, wherever the agency looks.
/// </summary>
public class AgencyReasonsTests(PagesSignInTests.LocalSignInHub hub) : IClassFixture<PagesSignInTests.LocalSignInHub>
{
    // Plain words only: JSON and HTML would escape an apostrophe, and the check would miss it.
    const string Summary = "SUMMARY-MARKER: the leaving care team title of the referral";

    /// <summary>Sections that every agency shares at least one of.</summary>
    static readonly string[] Sections = [Accommodation, Health, Eet, Financial, Justice, Relationships];

    static string MarkerFor(string agency) => $"MARKER-{agency.ToUpperInvariant()}: written for {agency} alone";

    [Fact]
    public async Task Each_agency_is_sent_and_shown_only_its_own_reason_never_another_agencys_nor_the_summary()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));
        var referral = await pa.MakeReferralAsync(new MakeReferral(
            person.Id, plan.Number, Summary, [.. Sections], [.. AgencyCodes.All.Select(a => new ReferralAgency(a, MarkerFor(a), Consent()))]));
        var definitions = hub.Services.GetRequiredService<AgencyDefinitions>();
        // Each agency's own demo worker, of the organisation the directory sends the local authority's legs to.
        var workers = hub.Services.GetRequiredService<LocalUsers>().For(HubFactory.TenantA);

        Assert.Equal(Summary, (await pa.GetReferralAsync(referral.Id)).Summary);
        foreach (var agency in AgencyCodes.All)
        {
            var sent = Assert.Single(await Eventually.WaitAsync(
                () => hub.Agencies.RequestedAt(agency).Where(l => l.ReferralId == referral.Id).ToList(), l => l.Count == 1, $"the {agency} leg"));
            Assert.Equal(MarkerFor(agency), sent.Summary);
            AssertOnlyItsOwn(agency, JsonSerializer.Serialize(sent), "the LegRequested on its queue");
            AssertOnlyItsOwn(agency, OwnDocuments(definitions.For(agency).Format, sent), "its own referral document");

            using var worker = hub.AgencyWorker(agency);
            AssertOnlyItsOwn(agency, await worker.GetStringAsync($"/api/legs/{sent.LegId}"), "its REST view of the leg");
            using var browser = await hub.SignedInBrowserAsync(workers.Single(u => u.Id == $"demo-{agency}-worker"));
            AssertOnlyItsOwn(agency, await browser.GetStringAsync($"/partner/legs/{sent.LegId}"), "its partner page");
        }

        using var nhs = hub.AgencyWorker(AgencyCodes.Nhs);
        AssertOnlyItsOwn(AgencyCodes.Nhs, await nhs.GetStringAsync($"/fhir/ServiceRequest/{referral.LegIdOf(AgencyCodes.Nhs)}"), "the FHIR facade's ServiceRequest");
    }

    /// <summary>The agency's referral document; probation's event links to a detail document instead of carrying text, so with that detail.</summary>
    static string OwnDocuments(IAgencyFormat format, LegRequested sent) => format.Agency == AgencyCodes.Probation
        ? $"{format.Referral(sent).Body}\n{JsonSerializer.Serialize(ProbationReferralTranslator.Detail(sent))}"
        : format.Referral(sent).Body;

    static void AssertOnlyItsOwn(string agency, string seen, string where)
    {
        Assert.True(seen.Contains(MarkerFor(agency), StringComparison.Ordinal), $"{agency} does not find its own reason in {where}: {seen}");
        var others = AgencyCodes.All.Where(a => a != agency).Select(MarkerFor).Append(Summary).Where(text => seen.Contains(text, StringComparison.Ordinal)).ToList();
        Assert.True(others.Count == 0, $"{agency} reads what was not written for it in {where}: {string.Join(" | ", others)}");
    }
}
