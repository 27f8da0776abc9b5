using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Escalations;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Board.Decisions;

/// <summary>A young person's housing referral escalated by hand, and the callers who act on it at the board.</summary>
public sealed record BoardCase(YoungPersonDetails Person, ReferralAccepted Referral, EscalationSummary Escalation)
{
    public static async Task<BoardCase> RaiseAsync(HubFactory hub, int level = 3, string tenantId = HubFactory.TenantA)
    {
        using var pa = hub.PersonalAdviser(tenantId);
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);
        using var board = Manager(hub, HubRoles.BoardMember, tenantId);
        var raised = await board.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Housing), "No housing decision after the deadline.", level));
        await ExpectAsync(raised, HttpStatusCode.Created);
        return new BoardCase(person, referral, (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!);
    }

    public static HttpClient Manager(HubFactory hub, string role, string tenantId = HubFactory.TenantA) =>
        hub.CreateClient(hub.Token($"{role}-{tenantId}", role, tenantId));

    /// <summary>A valid decision on this case, owned by the housing organisation the referral went to; tests change one field with <c>with</c>.</summary>
    public RecordBoardDecision Decision(HubFactory hub, DateOnly dueOn) =>
        new(Escalation.Id, "Offer supported lodgings and confirm the offer in writing.", hub.OrganisationOf(Housing), "Alex Housing-Lead", dueOn);

    public async Task<BoardDecisionSummary> DecideAsync(HubFactory hub, DateOnly dueOn)
    {
        using var board = Manager(hub, HubRoles.BoardMember);
        var decided = await board.PostAsJsonAsync("/api/board/decisions", Decision(hub, dueOn));
        await ExpectAsync(decided, HttpStatusCode.Created);
        return (await decided.Content.ReadFromJsonAsync<BoardDecisionSummary>())!;
    }
}
