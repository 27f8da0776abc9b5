using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Escalations;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Auditing;

/// <summary>
/// The board's tables that list cases are reads of the young people they are about: each upcoming event (whose
/// 18th birthday gives a date of birth) and each open escalation's case reference is audited for the board's
/// oversight, as JSON and as CSV alike. Counts of no one in particular are not.
/// </summary>
public sealed class BoardAuditTests(HubFactory hub) : IClassFixture<HubFactory>
{
    /// <summary>Open to the youth offending service and 18 in five months: on the upcoming list.</summary>
    async Task<(Guid YoungPersonId, Guid LegId, Guid ReferralId)> NearlyEighteenAsync()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson(Today.AddYears(-18).AddMonths(5)));
        await pa.CreatePlanVersionAsync(person.Id, Plan(Justice));
        var referral = await pa.MakeReferralAsync(Referral(person.Id, 1, [Justice], Yos));
        return (person.Id, referral.LegIdOf(Yos), referral.Id);
    }

    static async Task<string> ReadAsync(HttpClient board, string url, string correlationId)
    {
        using var request = ActionRequest(HttpMethod.Get, url, correlationId);
        var response = await board.SendAsync(request);
        await ExpectAsync(response, HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    Task<List<AuditEntry>> EntriesOfAsync(string correlationId) =>
        hub.QueryAsync(db => db.Audit.Where(a => a.CorrelationId == correlationId).ToListAsync());

    [Theory]
    [InlineData("/api/board/upcoming")]
    [InlineData("/api/board/upcoming?format=csv")]
    public async Task Each_upcoming_event_is_an_audited_read_of_its_young_person_for_board_oversight(string url)
    {
        var (person, leg, _) = await NearlyEighteenAsync();
        using var board = hub.CreateClient(hub.Token("board-reader", HubRoles.BoardMember, HubFactory.TenantA));
        var correlationId = $"upcoming-{Guid.NewGuid():N}";

        var body = await ReadAsync(board, url, correlationId);

        Assert.Contains(leg.ToString(), body, StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesOfAsync(correlationId), e => e.YoungPersonId == person);
        Assert.Equal(
            (AuditActions.Read, "board-upcoming", leg.ToString(), "board-reader", HubRoles.BoardMember, AuditBases.BoardOversight),
            (entry.Action, entry.ResourceType, entry.ResourceId, entry.ActorId, entry.ActorRole, entry.Basis));
    }

    [Fact]
    public async Task Open_escalations_cases_are_audited_and_their_counts_alone_are_not()
    {
        var (person, leg, referral) = await NearlyEighteenAsync();
        using var teamManager = hub.CreateClient(hub.Token("tm-1", HubRoles.TeamManager, HubFactory.TenantA));
        var raised = await teamManager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral, leg, "No probation leg before 18.", 1));
        var escalation = (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!;
        using var board = hub.CreateClient(hub.Token("board-reader", HubRoles.BoardMember, HubFactory.TenantA));

        await ReadAsync(board, "/api/board/escalations", "board-cases");
        await ReadAsync(board, "/api/board/escalations?format=csv", "board-counts");

        var entry = Assert.Single(await EntriesOfAsync("board-cases"), e => e.ResourceId == escalation.Id.ToString());
        Assert.Equal(("board-escalation", person, AuditBases.BoardOversight), (entry.ResourceType, entry.YoungPersonId, entry.Basis));
        Assert.Empty(await EntriesOfAsync("board-counts"));
    }
}
