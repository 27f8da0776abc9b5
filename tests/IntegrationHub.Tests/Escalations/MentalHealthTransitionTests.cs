using System.Net.Http.Json;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Board;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Escalations;

/// <summary>In this council the NHS leg goes to CAMHS: near 18 a young person needs an adult mental health service too.</summary>
public sealed class MentalHealthTransitionTests : IAsyncLifetime
{
    readonly ClockedHubFactory hub = new(new Dictionary<string, string>
    {
        [$"AgencyDirectory:Tenants:{HubFactory.TenantA}:nhs:Code"] = "RQ3-CAMHS",
        [$"AgencyDirectory:Tenants:{HubFactory.TenantA}:nhs:Name"] = "Children and young people's mental health service",
        [$"AgencyDirectory:Tenants:{HubFactory.TenantA}:nhs:Service"] = OrganisationServices.Camhs,
    });

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync().AsTask();

    async Task<Guid> CamhsLegAcceptedAsync(DateOnly dateOfBirth)
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson(dateOfBirth));
        await pa.CreatePlanVersionAsync(person.Id, Plan(Health));
        var referral = await pa.MakeReferralAsync(Referral(person.Id, 1, [Health], Nhs));
        await hub.Bus.Publish(new LegAccepted(Guid.NewGuid(), referral.LegIdOf(Nhs), Nhs, "CAMHS clinician", hub.Clock.GetUtcNow(), null));
        await pa.WaitForReferralAsync(referral.Id, r => r.LegOf(Nhs).Status == LegStatusCodes.Accepted, "CAMHS to accept");
        return referral.Id;
    }

    [Fact]
    public async Task Open_to_camhs_within_six_months_of_eighteen_with_no_adult_service_escalates()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        var born = DateOnly.FromDateTime(ClockedHubFactory.Start.UtcDateTime).AddYears(-18).AddMonths(4);
        var referralId = await CamhsLegAcceptedAsync(born);

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));

        var escalation = await hub.QueryAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.ReferralId == referralId));
        Assert.Equal((1, "eighteen-without-adult-mental-health", AgencyThemes.Health), (escalation.Level, escalation.ReasonCode, escalation.Theme));
        Assert.Equal($"Turns 18 on {born.AddYears(18):d MMMM yyyy}, is open to CAMHS and has no accepted adult mental health leg.", escalation.Reason);
    }

    [Fact]
    public async Task Open_to_camhs_more_than_six_months_before_eighteen_is_not_escalated()
    {
        await hub.ScanAtAsync(ClockedHubFactory.Start);
        var referralId = await CamhsLegAcceptedAsync(DateOnly.FromDateTime(ClockedHubFactory.Start.UtcDateTime).AddYears(-17));

        await hub.ScanAtAsync(ClockedHubFactory.Start.AddHours(1));

        Assert.Equal(0, await hub.QueryAsync(db => db.Escalations.CountAsync(e => e.ReferralId == referralId)));
    }

    [Fact]
    public async Task Board_lists_the_eighteenth_birthday_of_a_young_person_open_to_camhs()
    {
        var born = DateOnly.FromDateTime(ClockedHubFactory.Start.UtcDateTime).AddYears(-18).AddMonths(4);
        var referralId = await CamhsLegAcceptedAsync(born);
        using var board = hub.CreateClient(hub.Token("board-1", HubRoles.BoardMember, HubFactory.TenantA));

        var figures = (await board.GetFromJsonAsync<UpcomingFigures>("/api/board/upcoming"))!;

        var birthday = Assert.Single(figures.Events, e => e.ReferralId == referralId);
        Assert.Equal((UpcomingKinds.EighteenthBirthday, Nhs, born.AddYears(18)), (birthday.Kind, birthday.Agency, birthday.Date));
    }
}
