using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Pages.Workspace;

/// <summary>My young people: the local authority's young people, searched through the same list as the API's.</summary>
public sealed class IndexModel(HubDbContext db, YoungPeopleService youngPeople, TimeProvider clock) : HubPageModel
{
    public sealed record Row(YoungPersonDetails Person, string AgeBand, int OpenReferrals, int OpenEscalations);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var people = await youngPeople.ListAsync(Search, Caller, cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var ended = LegLifecycle.Statuses.Where(LegLifecycle.IsTerminal).ToList();
        var openReferrals = await db.Referrals
            .Where(r => ids.Contains(r.YoungPersonId) && r.Legs.Any(l => !ended.Contains(l.Status)))
            .GroupBy(r => r.YoungPersonId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var openEscalations = await db.Escalations
            .Where(e => ids.Contains(e.YoungPersonId) && e.ResolvedAt == null)
            .GroupBy(e => e.YoungPersonId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var now = clock.GetUtcNow();
        Rows = [.. people.Select(p => new Row(
            p,
            WorkspaceDisplay.AgeBandName(AgeBands.On(p.DateOfBirth, now)),
            openReferrals.GetValueOrDefault(p.Id),
            openEscalations.GetValueOrDefault(p.Id)))];
    }
}
