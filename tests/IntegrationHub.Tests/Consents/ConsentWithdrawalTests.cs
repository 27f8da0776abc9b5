using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.Consents.ConsentSteps;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Consents;

/// <summary>
/// Withdrawing consent for an agency: its open legs on consent are cancelled with the reason "consent withdrawn" and the
/// agency is told, new legs to it on consent are refused, and the history keeps every consent.
/// </summary>
public class ConsentWithdrawalTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Financial];

    /// <summary>A young person with a plan and two referrals: housing and the NHS, then housing again.</summary>
    async Task<(Guid Person, ReferralAccepted First, ReferralAccepted Second)> TwoReferralsAsync(HttpClient pa)
    {
        var person = await pa.RegisterYoungPersonAsync();
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(Sections));
        var first = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, Sections, Housing, Nhs));
        var second = await pa.MakeReferralAsync(Referral(person.Id, plan.Number, [Accommodation], Housing));
        return (person.Id, first, second);
    }

    [Fact]
    public async Task Withdrawal_cancels_the_open_legs_to_that_agency_only_and_the_agency_is_told_to_stop()
    {
        using var pa = hub.PersonalAdviser();
        var (person, first, second) = await TwoReferralsAsync(pa);

        var withdrawn = await pa.WithdrawConsentAsync(person, Housing, "Jordan no longer wants housing involved.");

        Assert.Equal(new[] { first.LegIdOf(Housing), second.LegIdOf(Housing) }.Order(), withdrawn.CancelledLegs.Select(l => l.LegId).Order());
        Assert.Empty(withdrawn.LegsOnAnotherBasis);
        Assert.Equal(ConsentStatuses.Withdrawn, withdrawn.Consent.Status);
        foreach (var referral in new[] { first, second })
        {
            var after = await pa.GetReferralAsync(referral.Id);
            var housing = after.LegOf(Housing);
            Assert.Equal((Cancelled, ConsentService.WithdrawnReason, CancellationKinds.ConsentWithdrawn), (housing.Status, housing.StatusReason, housing.ReasonCode));
            var entry = Assert.Single(after.Timeline, t => t.LegId == housing.Id && t.Kind == TimelineKinds.StatusChanged);
            Assert.Equal((Requested, Cancelled, ConsentService.WithdrawnReason, "Test pa-1"), (entry.FromStatus, entry.ToStatus, entry.Detail, entry.Actor));
        }

        Assert.Equal(Requested, (await pa.GetReferralAsync(first.Id)).LegOf(Nhs).Status);

        var told = await Eventually.WaitAsync(
            () => Task.FromResult(hub.Agencies.CancelledAt(Housing).Where(c => c.ReferralId == first.Id || c.ReferralId == second.Id).ToList()),
            c => c.Count == 2, "housing to be told of both cancellations");
        Assert.All(told, c => Assert.Equal((CancellationKinds.ConsentWithdrawn, ConsentService.WithdrawnReason, "Test pa-1"), (c.Kind, c.Reason, c.CancelledBy)));
        Assert.Empty(hub.Agencies.CancelledFor(first.Id)[Nhs]);
    }

    [Fact]
    public async Task After_a_withdrawal_a_referral_on_consent_to_that_agency_is_refused_saying_when_and_nothing_is_stored()
    {
        using var pa = hub.PersonalAdviser();
        var (person, _, _) = await TwoReferralsAsync(pa);
        await pa.WithdrawConsentAsync(person, Housing);
        var before = await hub.CountRowsAsync();

        var refused = await pa.PostAsJsonAsync("/api/referrals", Referral(person, 1, [Accommodation, Health], Nhs, Housing));

        var messages = await ExpectFieldErrorAsync(refused, "agencies[1].lawfulBasis");
        Assert.Contains($"withdrawn on {DateTime.UtcNow.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", Assert.Single(messages), StringComparison.Ordinal);
        Assert.Equal(before, await hub.CountRowsAsync());

        // The agency whose consent stands is still referred.
        await pa.MakeReferralAsync(Referral(person, 1, [Health], Nhs));
    }

    [Fact]
    public async Task A_referral_on_another_lawful_basis_is_not_refused_and_its_leg_is_kept_by_a_withdrawal()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        await pa.CreatePlanVersionAsync(person.Id, Plan(Health));
        await pa.RecordConsentAsync(person.Id, NewConsent(Nhs));
        var vitalInterests = new LawfulBasisInput(LawfulBases.VitalInterests, "PA Test", DateTimeOffset.UtcNow.AddMinutes(-1), "Risk to life: crisis team");
        var referral = await pa.MakeReferralAsync(Referral(person.Id, 1, [Health]) with { Agencies = [To(Nhs, vitalInterests)] });

        var withdrawn = await pa.WithdrawConsentAsync(person.Id, Nhs);

        Assert.Empty(withdrawn.CancelledLegs);
        Assert.Equal(referral.LegIdOf(Nhs), Assert.Single(withdrawn.LegsOnAnotherBasis).LegId);
        Assert.Equal(Requested, (await pa.GetReferralAsync(referral.Id)).LegOf(Nhs).Status);
        await pa.MakeReferralAsync(Referral(person.Id, 1, [Health]) with { Agencies = [To(Nhs, vitalInterests)] });
    }

    [Fact]
    public async Task Consent_given_again_after_a_withdrawal_is_a_new_consent_the_history_keeps_both_and_legs_rest_on_it()
    {
        using var pa = hub.PersonalAdviser();
        var (person, _, _) = await TwoReferralsAsync(pa);
        await pa.WithdrawConsentAsync(person, Housing, "Not now");
        var givenAgain = NewConsent(Housing, "Verbal, witnessed by her foster carer") with { GivenOn = Today, ReviewOn = Today.AddMonths(6) };

        var recorded = await pa.RecordConsentAsync(person, givenAgain);

        var housing = (await pa.ConsentsAsync(person)).Of(Housing);
        Assert.Equal((ConsentStatuses.Given, 2), (housing.Status, housing.History.Count));
        Assert.Equal(recorded.Id, housing.Latest.Id);
        Assert.Null(housing.Latest.Withdrawal);
        var withdrawal = housing.History[1].Withdrawal;
        Assert.NotNull(withdrawal);
        Assert.Equal(("Test pa-1", HubRoles.PersonalAdviser, "Not now"), (withdrawal.By, withdrawal.ByRole, withdrawal.Reason));

        // A leg on consent now rests on the new consent, whatever its own lawful basis input said.
        var referral = await pa.MakeReferralAsync(Referral(person, 1, [Accommodation], Housing));
        var leg = (await pa.GetReferralAsync(referral.Id)).LegOf(Housing);
        Assert.Equal(("Verbal, witnessed by her foster carer", "Test pa-1"), (leg.LawfulBasis.Evidence, leg.LawfulBasis.RecordedBy));
        Assert.Equal(2, await hub.QueryAsync(db => db.Consents.CountAsync(c => c.YoungPersonId == person && c.Agency == Housing)));
    }

    [Fact]
    public async Task Withdrawing_consent_that_was_never_recorded_or_is_already_withdrawn_is_a_conflict_that_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (person, first, _) = await TwoReferralsAsync(pa);
        await pa.WithdrawConsentAsync(person, Housing);
        var before = await hub.CountRowsAsync();

        await ExpectAsync(await pa.PostAsync($"/api/young-people/{person}/consents/{Housing}/withdrawal", null), HttpStatusCode.Conflict);
        await ExpectAsync(await pa.PostAsync($"/api/young-people/{person}/consents/{Dwp}/withdrawal", null), HttpStatusCode.Conflict);

        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(Requested, (await pa.GetReferralAsync(first.Id)).LegOf(Nhs).Status);
    }

    [Fact]
    public async Task A_withdrawal_names_a_bad_agency_or_an_overlong_reason_and_changes_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (person, _, _) = await TwoReferralsAsync(pa);
        var before = await hub.CountRowsAsync();

        await ExpectFieldErrorAsync(await pa.PostAsJsonAsync($"/api/young-people/{person}/consents/police/withdrawal", new WithdrawConsent(null)), "agency");
        await ExpectFieldErrorAsync(
            await pa.PostAsJsonAsync($"/api/young-people/{person}/consents/{Housing}/withdrawal", new WithdrawConsent(new string('x', 2001))), "reason");

        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(ConsentStatuses.Given, (await pa.ConsentsAsync(person)).Of(Housing).Status);
    }
}
