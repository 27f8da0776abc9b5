using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrationHub.Security;

/// <summary>Mints tokens signed with the local key, shaped like Entra ID access tokens.</summary>
public sealed class LocalTokenIssuer(IOptions<LocalTokenOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public SymmetricSecurityKey SigningKey => new(Convert.FromBase64String(options.Value.SigningKey)) { KeyId = "local" };

    public string Issuer => options.Value.Issuer;

    public string Audience => configuration["AzureAd:ClientId"] ?? throw new InvalidOperationException("AzureAd:ClientId is required.");

    public string Mint(string userId, string name, string role, string tenantId, string? agency = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["oid"] = userId,
            ["sub"] = userId,
            ["name"] = name,
            ["roles"] = new[] { role },
            ["tid"] = TenantIdOfIssuer(),
            [HubClaims.LocalAuthority] = tenantId,
        };
        if (agency is not null)
        {
            claims[HubClaims.Agency] = agency;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }

    // Entra ID issuers carry the directory id; Microsoft.Identity.Web checks it against the tid claim.
    string TenantIdOfIssuer() => new Uri(Issuer).Segments.ElementAtOrDefault(1)?.Trim('/') ?? "";
}
