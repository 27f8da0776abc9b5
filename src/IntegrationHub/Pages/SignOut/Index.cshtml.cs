using IntegrationHub.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.SignOut;

public sealed class IndexModel(IOptions<LocalTokenOptions> localTokens) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost() =>
        localTokens.Value.Enabled
            ? SignOut(new AuthenticationProperties { RedirectUri = "/" }, HubPages.CookieScheme)
            : SignOut(new AuthenticationProperties { RedirectUri = "/" }, HubPages.CookieScheme, OpenIdConnectDefaults.AuthenticationScheme);
}
