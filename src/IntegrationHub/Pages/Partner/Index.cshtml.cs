using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Legs;
using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Partner;

/// <summary>The partner inbox: the referrals to the worker's organisation in their local authority, newest first.</summary>
public sealed class IndexModel(LegService legs, AgencyDefinitions agencies) : HubPageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<AgencyLegListed> Legs { get; private set; } = [];

    public string AgencyName => agencies.NameOf(Caller.Agency ?? "");

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Legs = await legs.ListWithNamesAsync(Status, Caller, cancellationToken);
}
