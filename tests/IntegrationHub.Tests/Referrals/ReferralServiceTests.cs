using IntegrationHub.Outcomes;
using IntegrationHub.Referrals;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Tests.Referrals;

/// <summary>The referral service itself, as both the API and the pages call it: what it decides, said without HTTP.</summary>
public class ReferralServiceTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Eet, Financial];

    [Fact]
    public async Task Cancelling_an_ended_leg_is_a_conflict_and_notes_the_refusal()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing, Nhs);
        var leg = referral.LegIdOf(Housing);
        var user = HubFactory.PersonalAdviserUser();
        await hub.CallAsync<ReferralService, Outcome<ReferralDetails>>(user, s => s.CancelLegAsync(referral.Id, leg, new CancelRequest("Housed privately"), user, default));

        var again = await hub.CallAsync<ReferralService, Outcome<ReferralDetails>>(user, s => s.CancelLegAsync(referral.Id, leg, new CancelRequest("Twice"), user, default));

        var conflict = Assert.IsType<Outcome<ReferralDetails>.Conflict>(again);
        Assert.Equal(("The leg cannot be cancelled", $"The leg is {Cancelled}; it has already ended."), (conflict.Title, conflict.Detail));
        var refusals = await hub.QueryAsync(db => db.Timeline.Where(t => t.LegId == leg && t.Kind == TimelineKinds.TransitionRefused).ToListAsync());
        Assert.Equal($"A {Cancelled} leg cannot be cancelled.", Assert.Single(refusals).Detail);
    }

    [Fact]
    public async Task Cancelling_a_referral_whose_legs_have_all_ended_is_a_conflict()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing);
        var user = HubFactory.PersonalAdviserUser();
        await hub.CallAsync<ReferralService, Outcome<ReferralDetails>>(user, s => s.CancelReferralAsync(referral.Id, new CancelRequest("No longer needed"), user, default));

        var again = await hub.CallAsync<ReferralService, Outcome<ReferralDetails>>(user, s => s.CancelReferralAsync(referral.Id, new CancelRequest("Again"), user, default));

        var conflict = Assert.IsType<Outcome<ReferralDetails>.Conflict>(again);
        Assert.Equal("Every leg of this referral has already ended.", conflict.Detail);
    }

    [Fact]
    public async Task A_cancellation_without_a_reason_or_with_an_unknown_kind_is_invalid_on_both_fields_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing);
        var before = await hub.CountRowsAsync();

        var outcome = await hub.CallAsync<ReferralService, Outcome<ReferralDetails>>(HubFactory.PersonalAdviserUser(), s => s.CancelReferralAsync(
            referral.Id, new CancelRequest(" ", "mistake"), HubFactory.PersonalAdviserUser(), default));

        var errors = Assert.IsType<Outcome<ReferralDetails>.Invalid>(outcome).Errors.ToDictionary();
        Assert.Equal(["reason", "kind"], errors.Keys);
        Assert.Equal(before, await hub.CountRowsAsync());
    }

    [Fact]
    public async Task Answering_a_sanction_when_none_is_proposed_is_a_conflict()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Dwp);

        var outcome = await hub.CallAsync<ReferralService, Outcome<ReferralDetails>>(HubFactory.PersonalAdviserUser(), s => s.AnswerSanctionAsync(
            referral.Id, referral.LegIdOf(Dwp), new SanctionResponse("We discussed it"), HubFactory.PersonalAdviserUser(), default));

        Assert.Equal("No sanction to answer", Assert.IsType<Outcome<ReferralDetails>.Conflict>(outcome).Title);
    }

    [Fact]
    public async Task Reading_a_referral_is_audited_once_and_another_councils_is_not_found_nor_audited()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync(Sections, Housing);
        var before = (await hub.CountRowsAsync()).Audit;

        var read = await hub.CallAsync<ReferralService, ReferralDetails?>(HubFactory.PersonalAdviserUser(), s => s.GetAsync(referral.Id, HubFactory.PersonalAdviserUser(), default));
        var elsewhere = await hub.CallAsync<ReferralService, ReferralDetails?>(HubFactory.PersonalAdviserUser(HubFactory.TenantB), s => s.GetAsync(referral.Id, HubFactory.PersonalAdviserUser(HubFactory.TenantB), default));

        Assert.Equal(person.Id, read?.YoungPersonId);
        Assert.Null(elsewhere);
        Assert.Equal(before + 1, (await hub.CountRowsAsync()).Audit);
    }

    [Fact]
    public async Task Making_a_referral_for_no_one_is_invalid_with_every_field_named()
    {
        var outcome = await hub.CallAsync<ReferralService, Outcome<ReferralAccepted>>(HubFactory.PersonalAdviserUser(), s => s.MakeAsync(
            new MakeReferral(null, null, null, null, null), HubFactory.PersonalAdviserUser(), default));

        var errors = Assert.IsType<Outcome<ReferralAccepted>.Invalid>(outcome).Errors.ToDictionary();
        Assert.Equal(["summary", "youngPersonId", "sections", "agencies"], errors.Keys);
    }
}
