using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.Workspace;

/// <summary>My young people: the local authority's young people, searched through the API's own list.</summary>
public sealed class IndexModel(HubDbContext db, AuditLog audit, TimeProvider clock, IOptions<AgencyDirectoryOptions> directory) : HubPageModel
{
    public sealed record Row(YoungPersonDetails Person, string AgeBand, int OpenReferrals, int OpenEscalations);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await YoungPeopleApi.ListAsync(new YoungPeopleApi.Services(db, audit, clock, directory, User), Search, cancellationToken);
        var people = listed.Value ?? [];
        var ids = people.Select(p => p.Id).ToList();
        var ended = LegLifecycle.Statuses.Where(LegLifecycle.IsTerminal).ToList();
        var openReferrals = await db.Referrals
            .Where(r => r.TenantId == Caller.TenantId && ids.Contains(r.YoungPersonId) && r.Legs.Any(l => !ended.Contains(l.Status)))
            .GroupBy(r => r.YoungPersonId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var openEscalations = await db.Escalations
            .Where(e => e.TenantId == Caller.TenantId && ids.Contains(e.YoungPersonId) && e.ResolvedAt == null)
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
