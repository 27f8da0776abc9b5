using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Legs;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.Partner;

/// <summary>The partner inbox: the referrals to the worker's organisation in their local authority, newest first.</summary>
public sealed class IndexModel(LegService legs, AgencyDefinitions agencies, IOptions<AgencyDirectoryOptions> directory) : HubPageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<AgencyLegListed> Legs { get; private set; } = [];

    public string AgencyName => agencies.NameOf(Caller.Agency ?? "");

    /// <summary>The name of the organisation the worker acts for, as the agency directory has it.</summary>
    public string OrganisationName => directory.Value.NameOf(Caller.Organisation) ?? Caller.Organisation ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Legs = await legs.ListWithNamesAsync(Status, Caller, cancellationToken);
}
