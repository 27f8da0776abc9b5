using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Referrals;

public class CancellationTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly string[] Sections = [Accommodation, Health, Eet, Financial];

    [Fact]
    public async Task Personal_adviser_cancels_one_leg_and_the_agency_is_told()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing, Nhs);
        var housingLeg = referral.LegIdOf(Housing);

        var response = await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{housingLeg}/cancellation", new CancelRequest("Found accommodation privately"));

        await ExpectAsync(response, HttpStatusCode.Accepted);
        var after = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(Cancelled, after.LegOf(Housing).Status);
        Assert.Equal("Found accommodation privately", after.LegOf(Housing).StatusReason);
        Assert.Equal(Requested, after.LegOf(Nhs).Status);
        Assert.Equal(ReferralStatus.InProgress, after.Status);
        var entry = Assert.Single(after.Timeline, t => t.Kind == TimelineKinds.StatusChanged);
        Assert.Equal((housingLeg, Requested, Cancelled), (entry.LegId!.Value, entry.FromStatus, entry.ToStatus));
        Assert.Equal("Test pa-1", entry.Actor);

        var cancelled = await Eventually.WaitAsync(() => hub.Agencies.CancelledFor(referral.Id), c => c[Housing].Count > 0, "housing to be told");
        var message = Assert.Single(cancelled[Housing]);
        Assert.Equal(housingLeg, message.LegId);
        Assert.Equal(Housing, message.Agency);
        Assert.Equal("Found accommodation privately", message.Reason);
        Assert.Equal("Test pa-1", message.CancelledBy);
        Assert.Empty(cancelled[Nhs]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Cancelling_needs_a_reason(string? reason)
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var before = await hub.CountRowsAsync();

        await ExpectFieldErrorAsync(
            await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{referral.LegIdOf(Nhs)}/cancellation", new CancelRequest(reason)), "reason");
        await ExpectFieldErrorAsync(await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/cancellation", new CancelRequest(reason)), "reason");

        Assert.Equal(before, await hub.CountRowsAsync());
        Assert.Equal(Requested, (await pa.GetReferralAsync(referral.Id)).LegOf(Nhs).Status);
    }

    [Fact]
    public async Task Cancelling_the_referral_cancels_the_legs_still_open()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync(Sections, Housing, Nhs, Dwp);
        await ExpectAsync(
            await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{referral.LegIdOf(Housing)}/cancellation", new CancelRequest("Housed")),
            HttpStatusCode.Accepted);

        var response = await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/cancellation", new CancelRequest("Young person moved out of area"));

        await ExpectAsync(response, HttpStatusCode.Accepted);
        var after = await pa.GetReferralAsync(referral.Id);
        Assert.Equal(ReferralStatus.Cancelled, after.Status);
        Assert.All(after.Legs, l => Assert.Equal(Cancelled, l.Status));
        Assert.Equal("Housed", after.LegOf(Housing).StatusReason);
        Assert.Equal("Young person moved out of area", after.LegOf(Nhs).StatusReason);
        Assert.Equal(3, after.Timeline.Count(t => t.Kind == TimelineKinds.StatusChanged && t.ToStatus == Cancelled));

        var cancelled = await Eventually.WaitAsync(
            () => hub.Agencies.CancelledFor(referral.Id), c => c[Nhs].Count > 0 && c[Dwp].Count > 0, "nhs and dwp to be told");
        Assert.Equal("Young person moved out of area", Assert.Single(cancelled[Nhs]).Reason);
        Assert.Equal("Young person moved out of area", Assert.Single(cancelled[Dwp]).Reason);
        Assert.Equal("Housed", Assert.Single(cancelled[Housing]).Reason);
    }

    [Fact]
    public async Task Leg_that_has_ended_cannot_be_cancelled()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);
        var legId = referral.LegIdOf(Nhs);
        var url = $"/api/referrals/{referral.Id}/legs/{legId}/cancellation";
        await ExpectAsync(await pa.PostAsJsonAsync(url, new CancelRequest("First")), HttpStatusCode.Accepted);

        await ExpectAsync(await pa.PostAsJsonAsync(url, new CancelRequest("Second")), HttpStatusCode.Conflict);
        await ExpectAsync(await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/cancellation", new CancelRequest("Again")), HttpStatusCode.Conflict);

        var after = await pa.GetReferralAsync(referral.Id);
        Assert.Equal("First", after.LegOf(Nhs).StatusReason);
        Assert.Single(after.Timeline, t => t.Kind == TimelineKinds.StatusChanged);
        Assert.Single(after.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
    }

    [Fact]
    public async Task Cancelling_an_unknown_leg_is_not_found()
    {
        using var pa = hub.PersonalAdviser();
        var (_, referral) = await pa.ReferAsync([Health], Nhs);

        await ExpectAsync(
            await pa.PostAsJsonAsync($"/api/referrals/{referral.Id}/legs/{Guid.NewGuid()}/cancellation", new CancelRequest("Why not")),
            HttpStatusCode.NotFound);
        await ExpectAsync(
            await pa.PostAsJsonAsync($"/api/referrals/{Guid.NewGuid()}/cancellation", new CancelRequest("Why not")),
            HttpStatusCode.NotFound);
    }
}
