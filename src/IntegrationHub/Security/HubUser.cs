using System.Security.Claims;

namespace IntegrationHub.Security;

/// <summary>The signed-in caller as the hub sees them.</summary>
/// <param name="Organisation">For an agency user, the organisation they work for (its code in the agency directory).</param>
/// <param name="YoungPersonId">For a young person, their own record.</param>
public sealed record HubUser(string Id, string Name, string Role, string TenantId, string? Agency, string? Email, string? Organisation = null, Guid? YoungPersonId = null)
{
    public static HubUser From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue("oid")
            ?? principal.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier")
            ?? principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? principal.FindFirstValue("sub")
            ?? throw new InvalidOperationException("The token names no user.");
        var role = principal.IsInRole(HubRoles.PersonalAdviser) ? HubRoles.PersonalAdviser
            : principal.IsInRole(HubRoles.Agency) ? HubRoles.Agency
            : principal.IsInRole(HubRoles.Operator) ? HubRoles.Operator
            : principal.IsInRole(HubRoles.DataProtectionOfficer) ? HubRoles.DataProtectionOfficer
            : principal.IsInRole(HubRoles.YoungPerson) ? HubRoles.YoungPerson
            : HubRoles.EscalationRoles.FirstOrDefault(principal.IsInRole) is { } manager ? manager
            : "none";
        return new HubUser(
            id,
            principal.FindFirstValue("name") ?? id,
            role,
            principal.FindFirstValue(HubClaims.LocalAuthority) ?? "",
            principal.FindFirstValue(HubClaims.Agency),
            principal.FindFirstValue("preferred_username") ?? principal.FindFirstValue(ClaimTypes.Email),
            principal.FindFirstValue(HubClaims.Organisation),
            Guid.TryParse(principal.FindFirstValue(HubClaims.YoungPerson), out var youngPerson) ? youngPerson : null);
    }
}
