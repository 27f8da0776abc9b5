using System.Security.Claims;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IntegrationHub.Auditing;

public static class AuditApi
{
    public static IHostApplicationBuilder AddAuditing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddScoped<AuditChainLinker>();
        builder.Services.AddSingleton<AuditChainSignal>();
        builder.Services.AddSingleton<IInterceptor, WakeOnCommit<AuditChainSignal>>();
        builder.Services.AddHostedService<AuditChainLinking>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit")
            .WithTags("Audit")
            .RequireAuthorization(HubPolicies.DataProtectionOfficer);

        api.MapGet("/verification", VerifyAsync).WithName("VerifyAuditChain");
        return app;
    }

    /// <summary>The Data Protection Officer's check that no one has edited or removed an entry of their local authority's audit.</summary>
    static async Task<Ok<AuditVerification>> VerifyAsync(AuditVerifier verifier, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(HubUser.From(principal).TenantId, cancellationToken));
}
