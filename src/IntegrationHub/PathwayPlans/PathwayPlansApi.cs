using System.Security.Claims;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.PathwayPlans;

public static class PathwayPlansApi
{
    public static IEndpointRouteBuilder MapPathwayPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/young-people/{youngPersonId:guid}/pathway-plan")
            .WithTags("Pathway plans")
            .RequireAuthorization(HubPolicies.PersonalAdviser);

        api.MapPost("/versions", CreateVersionAsync).WithName("CreatePathwayPlanVersion");
        api.MapGet("/", GetLatestAsync).WithName("GetPathwayPlan");
        api.MapGet("/versions/{number:int}", GetVersionAsync).WithName("GetPathwayPlanVersion");
        return app;
    }

    public sealed record Services(HubDbContext Db, AuditLog Audit, TimeProvider Clock, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    internal static async Task<Results<Created<PlanVersionDetails>, ValidationProblem, NotFound, Conflict<string>>> CreateVersionAsync(
        Guid youngPersonId, CreatePlanVersion request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var person = await YoungPeopleApi.FindInTenantAsync(services.Db, youngPersonId, services.User, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        var errors = Validate(request);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var latest = await services.Db.PlanVersions.Where(v => v.YoungPersonId == youngPersonId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = new PathwayPlanVersion
        {
            Id = Guid.NewGuid(),
            YoungPersonId = youngPersonId,
            TenantId = person.TenantId,
            Number = latest + 1,
            CreatedAt = services.Clock.GetUtcNow(),
            CreatedBy = services.User.Id,
            Sections = [.. request.Sections!.Select(s => new PlanSection(
                s.Code!, [.. s.Needs ?? []], [.. s.Actions ?? []], s.Owner, s.ReviewDate))],
        };
        services.Db.PlanVersions.Add(version);
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (young person, number) index refused a version made at the same moment by someone else.
            return TypedResults.Conflict($"Version {version.Number} was created by someone else at the same moment; reload the plan and try again.");
        }

        return TypedResults.Created($"/api/young-people/{youngPersonId}/pathway-plan/versions/{version.Number}", PlanVersionDetails.From(version));
    }

    internal static async Task<Results<Ok<PathwayPlanDetails>, NotFound>> GetLatestAsync(
        Guid youngPersonId, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var versions = await services.Db.PlanVersions
            .Where(v => v.YoungPersonId == youngPersonId && v.TenantId == services.User.TenantId)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return TypedResults.NotFound();
        }

        await services.Audit.RecordReadAsync(services.User, "pathway-plan", versions[0].Id, youngPersonId, AuditBases.PublicTask, cancellationToken);
        return TypedResults.Ok(new PathwayPlanDetails(
            PlanVersionDetails.From(versions[0]),
            [.. versions.Select(v => new PlanVersionSummary(v.Number, v.CreatedAt, v.CreatedBy, v.Sections.Count))]));
    }

    internal static async Task<Results<Ok<PlanVersionDetails>, NotFound>> GetVersionAsync(
        Guid youngPersonId, int number, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var version = await services.Db.PlanVersions.SingleOrDefaultAsync(
            v => v.YoungPersonId == youngPersonId && v.Number == number && v.TenantId == services.User.TenantId, cancellationToken);
        if (version is null)
        {
            return TypedResults.NotFound();
        }

        await services.Audit.RecordReadAsync(services.User, "pathway-plan", version.Id, youngPersonId, AuditBases.PublicTask, cancellationToken);
        return TypedResults.Ok(PlanVersionDetails.From(version));
    }

    static FieldErrors Validate(CreatePlanVersion request)
    {
        var errors = new FieldErrors();
        if (request.Sections is not { Count: > 0 } sections)
        {
            errors.Add("sections", "'sections' must hold at least one section.");
            return errors;
        }

        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            if (section.Code is null || !PlanSectionCodes.All.Contains(section.Code))
            {
                errors.Add($"sections[{i}].code", $"'sections[{i}].code' must be one of: {string.Join(", ", PlanSectionCodes.All)}.");
            }
            else if (sections.Take(i).Any(s => s.Code == section.Code))
            {
                errors.Add($"sections[{i}].code", $"Section '{section.Code}' appears more than once.");
            }

            if ((section.Needs?.Count ?? 0) == 0 && (section.Actions?.Count ?? 0) == 0)
            {
                errors.Add($"sections[{i}].needs", $"'sections[{i}]' must record at least one need or action.");
            }

            foreach (var (text, j) in (section.Needs ?? []).Select((t, j) => (t, j)))
            {
                errors.Text($"sections[{i}].needs[{j}]", text, 2000);
            }

            foreach (var (text, j) in (section.Actions ?? []).Select((t, j) => (t, j)))
            {
                errors.Text($"sections[{i}].actions[{j}]", text, 2000);
            }

            errors.OptionalText($"sections[{i}].owner", section.Owner, 200);
        }

        return errors;
    }
}
