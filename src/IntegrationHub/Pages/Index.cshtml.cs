using IntegrationHub.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages;

public sealed class IndexModel : HubPageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true && Navigation.Home(Caller) is var home && home != "/"
            ? Redirect(home)
            : Page();
}
