using IntegrationHub.Auditing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using VersionOutcome = IntegrationHub.Outcomes.Outcome<IntegrationHub.PathwayPlans.PlanVersionDetails>;

namespace IntegrationHub.PathwayPlans;

/// <summary>A young person's pathway plan: versions are only ever added, never changed; each read and each new version is audited.</summary>
public sealed class PathwayPlanService(HubDbContext db, AuditLog audit, TimeProvider clock, YoungPeopleService people)
{
    const string Resource = "pathway-plan";

    public async Task<VersionOutcome> CreateVersionAsync(Guid youngPersonId, CreatePlanVersion request, HubUser user, CancellationToken cancellationToken)
    {
        var person = await people.FindInTenantAsync(youngPersonId, user, cancellationToken);
        if (person is null)
        {
            return new VersionOutcome.NotFound();
        }

        var errors = Validate(request);
        if (errors.Any)
        {
            return new VersionOutcome.Invalid(errors);
        }

        var latest = await db.PlanVersions.Where(v => v.YoungPersonId == youngPersonId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = new PathwayPlanVersion
        {
            Id = Guid.NewGuid(),
            YoungPersonId = youngPersonId,
            TenantId = person.TenantId,
            Number = latest + 1,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Id,
            Sections = [.. request.Sections!.Select(s => new PlanSection(
                s.Code!, [.. s.Needs ?? []], [.. s.Actions ?? []], s.Owner, s.ReviewDate))],
            Accommodation = request.Accommodation is { } accommodation ? new CurrentAccommodation(accommodation.Code!, accommodation.Suitable) : null,
            Activity = request.Activity is { } activity ? new CurrentActivity(activity.Code!) : null,
            TrustedAdults = request.TrustedAdults,
        };
        db.PlanVersions.Add(version);
        try
        {
            await audit.RecordAsync(user, [Audited.Write(Resource, version.Id, youngPersonId, AuditBases.PublicTask)], cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The unique (young person, number) index refused a version made at the same moment by someone else:
            // neither the version nor its audit entry was saved, and neither is saved by a later change.
            db.ChangeTracker.Clear();
            return new VersionOutcome.Conflict(
                "Version taken", $"Version {version.Number} was created by someone else at the same moment; reload the plan and try again.");
        }

        return new VersionOutcome.Done(PlanVersionDetails.From(version));
    }

    public async Task<PathwayPlanDetails?> GetLatestAsync(Guid youngPersonId, HubUser user, CancellationToken cancellationToken)
    {
        var versions = await db.PlanVersions
            .Where(v => v.YoungPersonId == youngPersonId)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }

        await audit.RecordReadAsync(user, Resource, versions[0].Id, youngPersonId, AuditBases.PublicTask, cancellationToken);
        return new PathwayPlanDetails(
            PlanVersionDetails.From(versions[0]),
            [.. versions.Select(v => new PlanVersionSummary(v.Number, v.CreatedAt, v.CreatedBy, v.Sections.Count))]);
    }

    public async Task<PlanVersionDetails?> GetVersionAsync(Guid youngPersonId, int number, HubUser user, CancellationToken cancellationToken)
    {
        var version = await db.PlanVersions.SingleOrDefaultAsync(
            v => v.YoungPersonId == youngPersonId && v.Number == number, cancellationToken);
        if (version is null)
        {
            return null;
        }

        await audit.RecordReadAsync(user, Resource, version.Id, youngPersonId, AuditBases.PublicTask, cancellationToken);
        return PlanVersionDetails.From(version);
    }

    static FieldErrors Validate(CreatePlanVersion request)
    {
        var errors = new FieldErrors();
        ValidateSections(request.Sections, errors);
        ValidateAccommodation(request.Accommodation, errors);
        if (request.Activity is { } activity)
        {
            errors.Code("activity.code", activity.Code, ActivityCodes.All);
        }

        if (request.TrustedAdults is { } trustedAdults)
        {
            errors.Code("trustedAdults", trustedAdults, TrustedAdultsAnswers.All);
        }

        return errors;
    }

    static void ValidateSections(List<NewPlanSection>? sections, FieldErrors errors)
    {
        if (sections is not { Count: > 0 })
        {
            errors.Add("sections", "'sections' must hold at least one section.");
            return;
        }

        for (var i = 0; i < sections.Count; i++)
        {
            var section = sections[i];
            if (section is null)
            {
                errors.Add($"sections[{i}]", $"'sections[{i}]' must be a section, not null.");
                continue;
            }

            if (section.Code is null || !PlanSectionCodes.All.Contains(section.Code))
            {
                errors.Add($"sections[{i}].code", $"'sections[{i}].code' must be one of: {string.Join(", ", PlanSectionCodes.All)}.");
            }
            else if (sections.Take(i).Any(s => s?.Code == section.Code))
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
    }

    /// <summary>
    /// The statutory return's rules for suitability: every known accommodation is either suitable or not, no fixed abode
    /// and custody never are, and "no information" has no suitability at all.
    /// </summary>
    static void ValidateAccommodation(NewAccommodation? accommodation, FieldErrors errors)
    {
        if (accommodation is null)
        {
            return;
        }

        var code = errors.Code("accommodation.code", accommodation.Code, AccommodationCodes.All);
        if (!AccommodationCodes.All.Contains(code))
        {
            return;
        }

        if (code == AccommodationCodes.NoInformation)
        {
            errors.Absent("accommodation.suitable", accommodation.Suitable, "when the accommodation is not known (code 0)");
        }
        else if (accommodation.Suitable is null)
        {
            errors.Add("accommodation.suitable", "'accommodation.suitable' is required: say whether the accommodation is suitable (true or false).");
        }
        else if (accommodation.Suitable == true && AccommodationCodes.OnlyUnsuitable.Contains(code))
        {
            errors.Add("accommodation.suitable", $"'accommodation.suitable' must be false: the statutory return never counts '{code}' ({AccommodationCodes.Descriptions[code]}) as suitable.");
        }
    }
}
