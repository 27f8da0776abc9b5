using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Notifications;
using IntegrationHub.Pages.Shared;
using IntegrationHub.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Workspace;

/// <summary>The Personal Adviser's inbox: what the hub told them (sanctions proposed, escalations, declines), newest first.</summary>
public sealed class InboxModel(HubDbContext db, AgencyDefinitions agencies, TimeProvider clock) : HubPageModel
{
    public IReadOnlyList<InboxApi.InboxItem> Items { get; private set; } = [];

    InboxApi.Services Api => new(db, agencies, clock, User);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = (await InboxApi.ListAsync(Api, unread: null, cancellationToken)).Value ?? [];

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var read = await InboxApi.MarkReadAsync(id, Api, cancellationToken);
        return read.Result is Ok<InboxApi.InboxItem> ? Redirect("/workspace/inbox") : NotFound();
    }
}
