using System.Globalization;
using System.Security.Claims;
using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Nhs.Answers;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Adapters.Nhs.Rest;
using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using FhirTask = Hl7.Fhir.Model.Task;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;
using Task = System.Threading.Tasks.Task;

namespace IntegrationHub.Fhir;

/// <summary>
/// A FHIR R4 REST facade for NHS systems that pull their referrals: search and read their Tasks
/// (one per NHS leg addressed to the caller's organisation), the ServiceRequests and Patients behind
/// them, and update a Task's status through the same enforced lifecycle as every other answer.
/// </summary>
public static class FhirApi
{
    /// <summary>
    /// The one agency this facade serves, by design: its resources are the NHS adapter's own
    /// (<c>NhsRestResources</c>, <c>NhsTaskAnswers</c>), as FHIR is the NHS's format and no other agency's.
    /// </summary>
    const string FhirAgency = AgencyCodes.Nhs;

    public static IEndpointRouteBuilder MapFhirApi(this IEndpointRouteBuilder app)
    {
        var fhir = app.MapGroup("/fhir").WithTags("FHIR R4 facade (NHS)");
        fhir.MapGet("/metadata", Metadata).AllowAnonymous().WithName("FhirCapabilityStatement");

        var nhs = fhir.MapGroup("").RequireAuthorization(HubPolicies.AgencyWorker);
        nhs.MapGet("/Task", SearchTasksAsync).WithName("FhirSearchTasks");
        nhs.MapGet("/Task/{id:guid}", ReadTaskAsync).WithName("FhirReadTask");
        nhs.MapPut("/Task/{id:guid}", UpdateTaskAsync).WithName("FhirUpdateTask");
        nhs.MapGet("/ServiceRequest/{id:guid}", ReadServiceRequestAsync).WithName("FhirReadServiceRequest");
        nhs.MapGet("/Patient/{id:guid}", ReadPatientAsync).WithName("FhirReadPatient");
        return app;
    }

    public sealed record Services(HubDbContext Db, AuditLog Audit, AgencyAnswerRecorder Recorder, LegMessages Messages, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
    }

    static IResult Metadata(HttpRequest request) => FhirResults.Resource(new CapabilityStatement
    {
        Status = PublicationStatus.Active,
        Date = "2026-11-23",
        Kind = CapabilityStatementKind.Instance,
        FhirVersion = FHIRVersion.N4_0_1,
        Format = [FhirResults.ContentType],
        Software = new CapabilityStatement.SoftwareComponent { Name = "Care Leaver Referral Hub" },
        Implementation = new CapabilityStatement.ImplementationComponent
        {
            Description = "Referrals from local authority leaving care teams to NHS services",
            Url = $"{request.Scheme}://{request.Host}/fhir",
        },
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Security = new CapabilityStatement.SecurityComponent
                {
                    Description = "OAuth2 bearer tokens from the hub's Entra ID tenant, with the Agency role, agency claim 'nhs' and the caller's organisation "
                        + "(its 'organisation' claim, or an application the hub's agency directory maps to it). Only the Tasks addressed to that organisation are shared.",
                },
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Task",
                        Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read), Interaction(CapabilityStatement.TypeRestfulInteraction.SearchType), Interaction(CapabilityStatement.TypeRestfulInteraction.Update)],
                        SearchParam =
                        [
                            new CapabilityStatement.SearchParamComponent { Name = "owner", Type = SearchParamType.Token, Documentation = "The ODS code of the owning organisation, [system|]code" },
                            new CapabilityStatement.SearchParamComponent { Name = "status", Type = SearchParamType.Token },
                            new CapabilityStatement.SearchParamComponent { Name = "_lastUpdated", Type = SearchParamType.Date, Documentation = "gt, ge, lt or le and an instant" },
                        ],
                    },
                    new CapabilityStatement.ResourceComponent { Type = "ServiceRequest", Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read)] },
                    new CapabilityStatement.ResourceComponent { Type = "Patient", Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read)] },
                ],
            },
        ],
    });

    static CapabilityStatement.ResourceInteractionComponent Interaction(CapabilityStatement.TypeRestfulInteraction code) => new() { Code = code };

    static async Task<IResult> SearchTasksAsync(
        HttpRequest request,
        [AsParameters] Services services,
        string? owner,
        string? status,
        [FromQuery(Name = "_lastUpdated")] string? lastUpdated,
        CancellationToken cancellationToken)
    {
        if (NotNhs(services.User) is { } forbidden)
        {
            return forbidden;
        }

        var since = LastUpdatedFilter.Parse(lastUpdated);
        if (since is { Error: { } error })
        {
            return FhirResults.Error(StatusCodes.Status400BadRequest, IssueType.Invalid, error, "_lastUpdated");
        }

        var ownerCode = owner?.Split('|').Last();
        var legs = await NhsLegsAsync(services, cancellationToken);
        var matching = legs
            .Where(l => ownerCode is null || l.Leg.Recipient.Code == ownerCode)
            .Where(l => status is null || l.Leg.Status == status)
            .Where(l => since is null || since.Matches(l.Leg.UpdatedAt))
            .ToList();
        // Each Task returned is a read under its own leg's lawful basis, as the legs list records it.
        foreach (var byBasis in matching.GroupBy(l => l.Leg.LawfulBasis.Basis))
        {
            await services.Audit.RecordReadsAsync(services.User, "fhir-task", byBasis.Select(l => l.YoungPersonId).Distinct(), byBasis.Key, cancellationToken);
        }

        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Total = matching.Count,
            Timestamp = DateTimeOffset.UtcNow,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}" }],
            Entry = [.. matching.Select(l => new Bundle.EntryComponent
            {
                FullUrl = $"{request.Scheme}://{request.Host}/fhir/Task/{l.Leg.Id:D}",
                Resource = l.Resources.Task,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            })],
        };
        return FhirResults.Resource(bundle);
    }

    static Task<IResult> ReadTaskAsync(Guid id, [AsParameters] Services services, CancellationToken cancellationToken) =>
        ReadAsync(id, "fhir-task", r => r.Task, services, cancellationToken);

    static Task<IResult> ReadServiceRequestAsync(Guid id, [AsParameters] Services services, CancellationToken cancellationToken) =>
        ReadAsync(id, "fhir-service-request", r => r.ServiceRequest, services, cancellationToken);

    /// <summary>A Patient is only there for an organisation that owns a leg for them: its id is that leg's.</summary>
    static Task<IResult> ReadPatientAsync(Guid id, [AsParameters] Services services, CancellationToken cancellationToken) =>
        ReadAsync(id, "fhir-patient", r => r.Patient, services, cancellationToken);

    static async Task<IResult> ReadAsync(Guid id, string what, Func<NhsRestResources, Resource> pick, Services services, CancellationToken cancellationToken)
    {
        if (NotNhs(services.User) is { } forbidden)
        {
            return forbidden;
        }

        var leg = (await NhsLegsAsync(services, cancellationToken, id)).SingleOrDefault();
        if (leg is null)
        {
            return NotFound(id);
        }

        await services.Audit.RecordReadAsync(services.User, what, id, leg.YoungPersonId, leg.Leg.LawfulBasis.Basis, cancellationToken);
        return FhirResults.Resource(pick(leg.Resources));
    }

    static async Task<IResult> UpdateTaskAsync(Guid id, HttpRequest request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        if (NotNhs(services.User) is { } forbidden)
        {
            return forbidden;
        }

        // A Task is FHIR JSON: a body declared as anything else is not read as one.
        if (!request.HasJsonContentType())
        {
            return FhirResults.Error(StatusCodes.Status415UnsupportedMediaType, IssueType.NotSupported, $"A Task is sent as {FhirResults.ContentType}.", "Task");
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        // Every problem with the Task at once, the facade's own checks and the adapter's: one issue each.
        var errors = new FieldErrors();
        ILegAnswer? answer = null;
        try
        {
            if (NhsFhirJson.Deserialize(body) is not FhirTask task)
            {
                return FhirResults.Error(StatusCodes.Status400BadRequest, IssueType.Invalid, "The body must be a FHIR Task.", "Task");
            }

            if (task.Id is { } taskId && taskId != id.ToString("D"))
            {
                errors.Add("Task.id", $"The Task's id '{taskId}' is not the id in the URL.");
            }

            answer = NhsTaskAnswers.FromTask(task);
        }
        catch (FormatException ex)
        {
            return FhirResults.Error(StatusCodes.Status400BadRequest, IssueType.Structure, ex.Message);
        }
        catch (AgencyAnswerRejectedException ex)
        {
            errors.Add(ex.Errors);
        }

        if (answer is not null && answer.LegId != id)
        {
            errors.Add("Task.identifier", "The Task's leg identifier is not the Task in the URL.");
        }

        if (answer is null || errors.Any)
        {
            return FhirResults.Invalid(errors);
        }

        var outcome = await services.Recorder.RecordAsync(answer, AnswerSource.SignedIn(services.User), cancellationToken);
        if (outcome == AnswerOutcome.UnknownLeg)
        {
            return NotFound(id);
        }

        if (outcome.Refusal is { } refusal)
        {
            return FhirResults.Error(StatusCodes.Status409Conflict, IssueType.BusinessRule, refusal, "Task.status");
        }

        var leg = (await NhsLegsAsync(services, cancellationToken, id)).Single();
        return FhirResults.Resource(leg.Resources.Task);
    }

    static IResult? NotNhs(HubUser user) => user.Agency == FhirAgency
        ? null
        : FhirResults.Error(StatusCodes.Status403Forbidden, IssueType.Forbidden, "The FHIR facade serves NHS organisations only.");

    static IResult NotFound(Guid id) =>
        FhirResults.Error(StatusCodes.Status404NotFound, IssueType.NotFound, $"No resource {id:D} is shared with you.");

    sealed record NhsLeg(Leg Leg, Guid YoungPersonId, NhsRestResources Resources);

    /// <summary>
    /// The NHS legs addressed to the caller's organisation in its local authority (or the one asked for),
    /// dressed as FHIR resources: another organisation's leg, and so its ServiceRequest and Patient, is not there.
    /// </summary>
    static async Task<List<NhsLeg>> NhsLegsAsync(Services services, CancellationToken cancellationToken, Guid? legId = null)
    {
        // Not tracked: after an update, the leg as the database now has it, not as the context kept it.
        var rows = await (
            from leg in services.Db.Legs.AsNoTracking().Where(Leg.AddressedTo(services.User))
            join referral in services.Db.Referrals.AsNoTracking() on leg.ReferralId equals referral.Id
            where leg.Agency == FhirAgency && (legId == null || leg.Id == legId)
            orderby referral.CreatedAt descending
            select new { Leg = leg, Referral = referral })
            .Take(500)
            .ToListAsync(cancellationToken);
        var personIds = rows.Select(r => r.Referral.YoungPersonId).Distinct().ToList();
        var planIds = rows.Select(r => r.Referral.PlanVersionId).Distinct().ToList();
        var people = await services.Db.YoungPeople.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var plans = await services.Db.PlanVersions.Where(v => planIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);

        return [.. rows.Select(row => new NhsLeg(
            row.Leg,
            row.Referral.YoungPersonId,
            NhsRestResources.For(
                services.Messages.Requested(row.Referral, row.Leg, people[row.Referral.YoungPersonId], plans[row.Referral.PlanVersionId]),
                new LegState(row.Leg.Status, row.Leg.UpdatedAt, row.Leg.StatusReason, row.Leg.ReasonCode, row.Leg.Outcome, row.Leg.AgencyReference))))];
    }

    /// <summary>A <c>_lastUpdated</c> search value: a comparison prefix and an instant.</summary>
    sealed record LastUpdatedFilter(string Prefix, DateTimeOffset At, string? Error)
    {
        public static LastUpdatedFilter? Parse(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var prefix = value.Length > 2 && char.IsAsciiLetter(value[0]) ? value[..2] : "eq";
            var instant = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
            if (prefix is not ("gt" or "ge" or "lt" or "le" or "eq"))
            {
                return new LastUpdatedFilter(prefix, default, $"'{prefix}' is not a supported prefix: use gt, ge, lt, le or eq.");
            }

            return DateTimeOffset.TryParse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? new LastUpdatedFilter(prefix, at.ToUniversalTime(), null)
                : new LastUpdatedFilter(prefix, default, $"'{instant}' is not a FHIR instant.");
        }

        public bool Matches(DateTimeOffset updated) => Prefix switch
        {
            "gt" => updated > At,
            "ge" => updated >= At,
            "lt" => updated < At,
            "le" => updated <= At,
            _ => updated == At,
        };
    }
}
