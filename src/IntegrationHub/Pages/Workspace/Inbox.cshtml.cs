using IntegrationHub.Notifications;
using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Workspace;

/// <summary>The Personal Adviser's inbox: what the hub told them (sanctions proposed, escalations, declines), newest first.</summary>
public sealed class InboxModel(InboxService inbox) : HubPageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await inbox.ListAsync(User, unread: null, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(id, User, cancellationToken) is null ? NotFound() : Redirect("/workspace/inbox");
}
