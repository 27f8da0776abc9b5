using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IntegrationHub.Security;

public static class SecurityExtensions
{
    /// <summary>
    /// Entra ID bearer tokens through Microsoft.Identity.Web. With LocalTokens enabled (never in
    /// Production), the same handler is given the local issuer and key instead of Entra ID's
    /// metadata, so local tokens take the same validation path. Nothing turns authorisation off.
    /// </summary>
    public static IHostApplicationBuilder AddHubSecurity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApi(builder.Configuration.GetSection("AzureAd"));

        builder.Services.AddOptions<LocalTokenOptions>()
            .Bind(builder.Configuration.GetSection(LocalTokenOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !builder.Environment.IsProduction(), "LocalTokens cannot be enabled in the Production environment.")
            .Validate(o => !o.Enabled || HasKeyOfAtLeast32Bytes(o.SigningKey), "LocalTokens:SigningKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LocalTokenIssuer>();

        if (builder.Configuration.GetValue<bool>($"{LocalTokenOptions.Section}:Enabled"))
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

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(HubPolicies.PersonalAdviser, p => p
                .RequireAuthenticatedUser()
                .RequireRole(HubRoles.PersonalAdviser)
                .RequireClaim(HubClaims.LocalAuthority))
            .AddPolicy(HubPolicies.AgencyWorker, p => p
                .RequireAuthenticatedUser()
                .RequireRole(HubRoles.Agency)
                .RequireClaim(HubClaims.LocalAuthority)
                .RequireClaim(HubClaims.Agency))
            .AddPolicy(HubPolicies.EscalationManager, p => p
                .RequireAuthenticatedUser()
                .RequireRole(HubRoles.EscalationRoles)
                .RequireClaim(HubClaims.LocalAuthority))
            .AddPolicy(HubPolicies.Operator, p => p
                .RequireAuthenticatedUser()
                .RequireRole(HubRoles.Operator));
        return builder;
    }

    static bool HasKeyOfAtLeast32Bytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var length) && length >= 32;
    }
}
