using System.Security.Claims;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Fhir;
using IntegrationHub.Referrals;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace IntegrationHub.Security;

/// <summary>
/// The one place the hub works out which organisation an agency caller acts for, for every channel a
/// caller signs in to (REST, the FHIR facade, the partner inbox, answers over HTTPS): the token's
/// <see cref="HubClaims.Organisation"/> claim, or, for an app-only token from Entra ID (client
/// credentials), the organisation its application (<c>azp</c>, or <c>appid</c> in a v1 token) acts for in
/// <c>AgencyDirectory:Organisations:{code}:EntraApplications</c>, added as that claim so that
/// <see cref="HubUser.Organisation"/> reads it everywhere. Every agency policy then requires an organisation
/// the directory lists for the caller's agency (<see cref="ActsForAnOrganisationRequirement"/>).
/// </summary>
public sealed class CallerOrganisations(IOptionsMonitor<AgencyDirectoryOptions> directory, IOptionsMonitor<OrganisationCredentialsOptions> credentials)
    : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (!principal.IsInRole(HubRoles.Agency)
            || principal.HasClaim(c => c.Type == HubClaims.Organisation)
            || OrganisationOfApplication(principal) is not { } organisation)
        {
            return Task.FromResult(principal);
        }

        // A copy: authentication may hand the same principal to the transformation again.
        var transformed = principal.Clone();
        transformed.AddIdentity(new ClaimsIdentity([new Claim(HubClaims.Organisation, organisation)]));
        return Task.FromResult(transformed);
    }

    /// <summary>Why a signed-in agency caller may not act for the organisation it names; null when it may.</summary>
    public string? Refusal(ClaimsPrincipal principal)
    {
        var user = HubUser.From(principal);
        if (user.Organisation is not { } organisation)
        {
            return "An agency caller acts for one organisation, and this token names none: it has no 'organisation' claim, and no application "
                + $"(azp or appid) listed in {OrganisationCredentialsOptions.Section}:{nameof(OrganisationCredentialsOptions.Organisations)}:{{code}}:{nameof(OrganisationCredentials.EntraApplications)}.";
        }

        if (OrganisationOfApplication(principal) is { } ofApplication && ofApplication != organisation)
        {
            return $"The token names organisation '{organisation}', but its application acts for '{ofApplication}'.";
        }

        return user.Agency is { } agency && directory.CurrentValue.Lists(agency, organisation)
            ? null
            : $"Organisation '{organisation}' is not in the agency directory for agency '{user.Agency}'.";
    }

    string? OrganisationOfApplication(ClaimsPrincipal principal) =>
        (principal.FindFirstValue("azp") ?? principal.FindFirstValue("appid")) is { Length: > 0 } application
            ? credentials.CurrentValue.OrganisationOfApplication(application)
            : null;
}

/// <summary>An agency caller acts for an organisation the agency directory lists for its agency.</summary>
public sealed class ActsForAnOrganisationRequirement : IAuthorizationRequirement;

sealed class ActsForAnOrganisationHandler(CallerOrganisations organisations) : AuthorizationHandler<ActsForAnOrganisationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActsForAnOrganisationRequirement requirement)
    {
        // Someone not signed in, or not an agency caller, is refused by the policy's other requirements.
        if (context.User.Identity?.IsAuthenticated != true || !context.User.IsInRole(HubRoles.Agency))
        {
            return Task.CompletedTask;
        }

        if (organisations.Refusal(context.User) is { } refusal)
        {
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Says why an agency caller was refused for its organisation: a 403 with problem details on the API,
/// an OperationOutcome on the FHIR facade. The pages, and every other refusal, are answered as before.
/// </summary>
sealed class OrganisationRefusalResultHandler : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler otherwise = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden
            || HubPages.IsPageRequest(http)
            || result.AuthorizationFailure?.FailureReasons.FirstOrDefault(r => r.Handler is ActsForAnOrganisationHandler) is not { } reason)
        {
            await otherwise.HandleAsync(next, http, policy, result);
            return;
        }

        if (http.Request.Path.StartsWithSegments("/fhir"))
        {
            await FhirResults.Error(StatusCodes.Status403Forbidden, IssueType.Forbidden, reason.Message).ExecuteAsync(http);
            return;
        }

        await TypedResults.Problem(title: "No organisation to act for", detail: reason.Message, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
    }
}
