using IntegrationHub.Pages.Shared;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Pages.SignIn;

/// <summary>
/// With Entra ID, sends people to sign in there. Where local tokens are enabled (only in
/// Development and Testing), lets them pick a local user: the page mints a local token and signs in with the
/// principal that the API's own bearer validation makes of it, so pages and API see the same claims.
/// </summary>
public sealed class IndexModel(IOptions<LocalTokenOptions> localTokens, IOptions<TenantOptions> tenants, LocalUsers localUsers, IServiceScopeFactory scopes) : HubPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? SignInAs { get; set; }

    public IReadOnlyList<(string TenantId, string TenantName, IReadOnlyList<HubUser> Users)> Choices { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!localTokens.Value.Enabled)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, OpenIdConnectDefaults.AuthenticationScheme);
        }

        Choices = LocalChoices();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] LocalTokenIssuer issuer)
    {
        if (!localTokens.Value.Enabled)
        {
            return NotFound();
        }

        Choices = LocalChoices();
        var chosen = Choices.SelectMany(c => c.Users).SingleOrDefault(u => Key(u) == SignInAs);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(SignInAs), "Choose who to sign in as");
            return Page();
        }

        var token = issuer.Mint(chosen);
        var validated = await ValidateAsBearerAsync(token);
        if (!validated.Succeeded)
        {
            throw new InvalidOperationException("The hub refused its own local token.", validated.Failure);
        }

        await HttpContext.SignInAsync(HubPages.CookieScheme, validated.Principal, new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = DateTimeOffset.UtcNow + localTokens.Value.Lifetime,
        });
        var home = Navigation.Home(HubUser.From(validated.Principal));
        return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : home);
    }

    public static string Key(HubUser user) => $"{user.TenantId}:{user.Id}";

    // A request of its own, so the bearer handler validates this token as it would an API call's.
    async Task<AuthenticateResult> ValidateAsBearerAsync(string token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = Request.Scheme;
        http.Request.Host = Request.Host;
        http.Request.Headers.Authorization = $"Bearer {token}";
        return await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
    }

    string SafeReturnUrl() => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/";

    IReadOnlyList<(string, string, IReadOnlyList<HubUser>)> LocalChoices() =>
        [.. tenants.Value.LocalAuthorities.Keys.Order(StringComparer.Ordinal)
            .Select(id => (id, tenants.Value.NameOf(id), localUsers.For(id)))];
}
