using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IntegrationHub.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// Entra ID bearer tokens through Microsoft.Identity.Web. With LocalTokens enabled (only in
    /// Development and Testing), the same handler is given the local issuer and key instead of Entra ID's
    /// metadata, so local tokens take the same validation path. Nothing turns authorisation off.
    /// </summary>
    public static IHostApplicationBuilder AddHubSecurity(this IHostApplicationBuilder builder)
    {
        // A page request is signed in by its cookie, an API request by its bearer token; each policy
        // below also names its scheme, so neither can stand in for the other.
        var authentication = builder.Services.AddAuthentication(HubPages.SelectorScheme);
        authentication.AddPolicyScheme(HubPages.SelectorScheme, "Pages or API", selector =>
            selector.ForwardDefaultSelector = http => HubPages.IsPageRequest(http) ? HubPages.CookieScheme : JwtBearerDefaults.AuthenticationScheme);
        authentication.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"));
        var localTokens = builder.Configuration.GetValue<bool>($"{LocalTokenOptions.Section}:Enabled");
        if (localTokens)
        {
            // The local sign-in page issues a local token and keeps its validated principal in this cookie.
            authentication.AddCookie(HubPages.CookieScheme, cookie => ConfigurePagesCookie(cookie, builder.Environment));
        }
        else
        {
            // People sign in to the pages with Entra ID (OpenID Connect, authorisation code flow).
            authentication.AddMicrosoftIdentityWebApp(
                builder.Configuration.GetSection("AzureAd"), OpenIdConnectDefaults.AuthenticationScheme, HubPages.CookieScheme);
            builder.Services.Configure<CookieAuthenticationOptions>(HubPages.CookieScheme, cookie => ConfigurePagesCookie(cookie, builder.Environment));
        }

        builder.Services.AddOptions<LocalTokenOptions>()
            .Bind(builder.Configuration.GetSection(LocalTokenOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => !o.Enabled || HubEnvironments.IsLocal(builder.Environment),
                $"LocalTokens can be enabled only in the Development and Testing environments, not in '{builder.Environment.EnvironmentName}': anyone could sign in as anyone.")
            .Validate(o => !o.Enabled || HasKeyOfAtLeast32Bytes(o.SigningKey), "LocalTokens:SigningKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LocalTokenIssuer>();
        builder.Services.AddSingleton<LocalUsers>();

        if (localTokens)
        {
            builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .PostConfigure<LocalTokenIssuer>((bearer, issuer) =>
                {
                    bearer.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                        new OpenIdConnectConfiguration { Issuer = issuer.Issuer, SigningKeys = { issuer.SigningKey } });
                    bearer.TokenValidationParameters.ValidIssuer = issuer.Issuer;
                    bearer.TokenValidationParameters.ValidAudience = issuer.Audience;
                });
        }

        // Each policy twice: for the API (bearer tokens only, so a browser's cookie never calls the
        // API) and for the pages (the sign-in cookie).
        var authorization = builder.Services.AddAuthorizationBuilder();
        foreach (var (name, require) in Policies)
        {
            authorization.AddPolicy(name, p => require(p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser()));
            authorization.AddPolicy(HubPolicies.OnPages(name), p => require(p.AddAuthenticationSchemes(HubPages.CookieScheme).RequireAuthenticatedUser()));
        }

        return builder;
    }

    static readonly (string Name, Action<AuthorizationPolicyBuilder> Require)[] Policies =
    [
        (HubPolicies.PersonalAdviser, p => p.RequireRole(HubRoles.PersonalAdviser).RequireClaim(HubClaims.LocalAuthority)),
        (HubPolicies.AgencyWorker, p => p.RequireRole(HubRoles.Agency).RequireClaim(HubClaims.LocalAuthority).RequireClaim(HubClaims.Agency)),
        (HubPolicies.EscalationManager, p => p.RequireRole(HubRoles.EscalationRoles).RequireClaim(HubClaims.LocalAuthority)),
        (HubPolicies.Operator, p => p.RequireRole(HubRoles.Operator)),
        (HubPolicies.DataProtectionOfficer, p => p.RequireRole(HubRoles.DataProtectionOfficer).RequireClaim(HubClaims.LocalAuthority)),
        (HubPolicies.YoungPerson, p => p.RequireRole(HubRoles.YoungPerson).RequireClaim(HubClaims.LocalAuthority).RequireAssertion(c => IsBoundToOwnRecord(c.User))),
        (HubPolicies.PersonalAdviserOrYoungPerson, p => p.RequireClaim(HubClaims.LocalAuthority)
            .RequireAssertion(c => c.User.IsInRole(HubRoles.PersonalAdviser) || (c.User.IsInRole(HubRoles.YoungPerson) && IsBoundToOwnRecord(c.User)))),
    ];

    /// <summary>A young person's token names their own record; without one, or with one that is no record id, they reach nothing.</summary>
    static bool IsBoundToOwnRecord(System.Security.Claims.ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(HubClaims.YoungPerson)?.Value, out var id) && id != Guid.Empty;

    static void ConfigurePagesCookie(CookieAuthenticationOptions cookie, IHostEnvironment environment)
    {
        cookie.Cookie.Name = "hub.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        // A live hub is reached over HTTPS only (behind a proxy, the forwarded scheme says so): never send the session in clear.
        cookie.Cookie.SecurePolicy = HubEnvironments.IsLocal(environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.LoginPath = HubPages.SignInPath;
        cookie.LogoutPath = HubPages.SignOutPath;
        cookie.AccessDeniedPath = "/error/403";
        cookie.SlidingExpiration = false;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
    }

    static bool HasKeyOfAtLeast32Bytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var length) && length >= 32;
    }
}
