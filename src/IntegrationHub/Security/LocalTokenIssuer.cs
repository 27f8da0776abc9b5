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

    public string Mint(string userId, string name, string role, string tenantId, string? agency = null) =>
        Mint(new HubUser(userId, name, role, tenantId, agency, null));

    /// <summary>A token carrying every claim the hub reads of this user.</summary>
    public string Mint(HubUser user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["oid"] = user.Id,
            ["sub"] = user.Id,
            ["name"] = user.Name,
            ["roles"] = new[] { user.Role },
            ["tid"] = TenantIdOfIssuer(),
            [HubClaims.LocalAuthority] = user.TenantId,
        };
        AddIfPresent(HubClaims.Agency, user.Agency);
        AddIfPresent(HubClaims.Organisation, user.Organisation);
        AddIfPresent(HubClaims.YoungPerson, user.YoungPersonId?.ToString());

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

        void AddIfPresent(string claim, string? value)
        {
            if (value is not null)
            {
                claims[claim] = value;
            }
        }
    }

    // Entra ID issuers carry the directory id; Microsoft.Identity.Web checks it against the tid claim.
    string TenantIdOfIssuer() => new Uri(Issuer).Segments.ElementAtOrDefault(1)?.Trim('/') ?? "";
}
