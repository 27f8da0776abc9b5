using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Auditing;
using IntegrationHub.Legs;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.Partner;

/// <summary>The partner inbox: the referrals to the worker's agency in their local authority, newest first.</summary>
public sealed class IndexModel(HubDbContext db, AuditLog audit, LegMessages messages, AgencyDefinitions agencies) : HubPageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<LegsApi.AgencyLegListed> Legs { get; private set; } = [];

    public string AgencyName => agencies.NameOf(Caller.Agency ?? "");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var services = new LegsApi.Services(db, audit, messages, User);
        Legs = await LegsApi.ListWithNamesAsync(Status, services, cancellationToken);
    }
}
