using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Referrals;

/// <summary>Makes a referral from a pathway plan version: one leg per agency, each sent only what it may see.</summary>
public sealed class ReferralMaker(
    HubDbContext db,
    Outbox.Outbox outbox,
    TimeProvider clock,
    IOptions<SharingOptions> sharing,
    IOptions<AgencyDirectoryOptions> directory,
    LegMessages legMessages,
    AgencyDefinitions definitions,
    YoungPeopleService people,
    ConsentRegister consents)
{
    /// <summary>
    /// Validates the request and, if it is sound and every leg holds what its agency needs to deliver it,
    /// adds the referral, its legs, its timeline and one outgoing message per leg to the unit of work, for the
    /// caller to save in one transaction with what it adds besides (the audit entry of the write).
    /// Returns the referral, or the field errors.
    /// </summary>
    public async Task<(Referral? Referral, FieldErrors Errors)> AddAsync(MakeReferral request, HubUser user, CancellationToken cancellationToken)
    {
        var (draft, errors) = await DraftAsync(request, user, cancellationToken);
        if (draft is null)
        {
            return (null, errors);
        }

        foreach (var message in draft.Messages)
        {
            outbox.SendForLeg(message, message.LegId, Endpoints.AdapterQueue(message.Agency));
        }

        db.Referrals.Add(draft.Referral);
        db.Consents.AddRange(draft.Consents);
        return (draft.Referral, errors);
    }

    /// <summary>
    /// Validates the request and builds the referral and each agency's message exactly as
    /// <see cref="AddAsync"/> would, storing and sending nothing: the preview of what each agency will see.
    /// Each message is checked against its agency format's <see cref="IAgencyFormat.DeliveryRequirements"/>,
    /// the very checks its adapter makes before delivering; an unmet one is an error on
    /// <c>agencies[i].{field of the leg}</c>, e.g. <c>agencies[0].person.identifiers[ni-number]</c>.
    /// </summary>
    public async Task<(ReferralDraft? Draft, FieldErrors Errors)> DraftAsync(MakeReferral request, HubUser user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        errors.Text("summary", request.Summary, 4000);

        var person = request.YoungPersonId is { } personId
            ? await people.FindInTenantAsync(personId, user, cancellationToken)
            : null;
        if (person is null)
        {
            errors.Add("youngPersonId", "'youngPersonId' must name a young person registered in your local authority.");
        }
        else if (person.AgeOn(DateOnly.FromDateTime(now.UtcDateTime)) is var age and (< 16 or > 25))
        {
            errors.Add("youngPersonId", $"The young person is {age} on the referral date; the hub refers care leavers aged 16 to 25.");
        }

        var plan = person is null ? null : await db.PlanVersions.SingleOrDefaultAsync(
            v => v.YoungPersonId == person.Id && v.Number == request.PlanVersion, cancellationToken);
        if (person is not null && plan is null)
        {
            errors.Add("planVersion", "'planVersion' must name a version of the young person's pathway plan.");
        }

        var sections = request.Sections ?? [];
        if (sections.Count == 0)
        {
            errors.Add("sections", "'sections' must name at least one pathway plan section to refer.");
        }

        for (var i = 0; i < sections.Count; i++)
        {
            if (!PlanSectionCodes.All.Contains(sections[i]))
            {
                errors.Add($"sections[{i}]", $"'{sections[i]}' is not a pathway plan section.");
            }
            else if (plan is not null && plan.Section(sections[i]) is null)
            {
                errors.Add($"sections[{i}]", $"Version {plan.Number} of the plan has no '{sections[i]}' section.");
            }
        }

        var agencies = request.Agencies ?? [];
        if (agencies.Count == 0)
        {
            errors.Add("agencies", "'agencies' must name at least one agency.");
        }

        var legConsents = person is null ? null : await consents.ForReferralAsync(person, user, cancellationToken);
        var referralId = Guid.NewGuid();
        var legs = new List<Leg>();
        var fieldOfAgency = new Dictionary<string, string>();
        for (var i = 0; i < agencies.Count; i++)
        {
            var field = $"agencies[{i}]";
            if (agencies[i] is null)
            {
                errors.Add(field, "Each entry of 'agencies' must be an agency to refer to, not null.");
                continue;
            }

            var agency = agencies[i].Agency;
            // Each agency reads only what was written for it; checked first, so a bad agency code does not hide it.
            var reason = errors.Text($"{field}.reason", agencies[i].Reason, 4000);
            if (!definitions.Contains(agency))
            {
                errors.Add($"{field}.agency", $"'{agency}' is not an agency; use one of: {string.Join(", ", definitions.Codes)}.");
                continue;
            }

            if (agencies.Take(i).Any(a => a.Agency == agency))
            {
                errors.Add($"{field}.agency", $"'{agency}' is named more than once.");
                continue;
            }

            var shared = sharing.Value.SectionsFor(user.TenantId, agency).Intersect(sections).ToList();
            if (sections.Count > 0 && shared.Count == 0)
            {
                errors.Add($"{field}.agency", $"None of the referred sections is shared with '{agency}'.");
            }

            var consentsTaken = TakesDutyToReferConsents(agencies[i].DutyToReferConsents, agency, $"{field}.dutyToReferConsents", errors);
            if (ValidateLawfulBasis(agencies[i].LawfulBasis, agency, $"{field}.lawfulBasis", user, now, errors, legConsents) is { } basis && consentsTaken)
            {
                fieldOfAgency[agency] = field;
                legs.Add(new Leg
                {
                    Id = Guid.NewGuid(),
                    ReferralId = referralId,
                    TenantId = user.TenantId,
                    ReferralMadeAt = now,
                    YoungPersonId = person?.Id ?? Guid.Empty,
                    YoungPersonBornOn = person?.DateOfBirth ?? default,
                    Agency = agency,
                    Recipient = directory.Value.OrganisationFor(user.TenantId, person?.ResidenceArea, agency),
                    Reason = reason,
                    Status = LegStatusCodes.Requested,
                    LawfulBasis = basis with { HousingConsents = HousingConsents(agencies[i].DutyToReferConsents) },
                    SharedSections = shared,
                    UpdatedAt = now,
                });
            }
        }

        if (errors.Any)
        {
            return (null, errors);
        }

        var referral = new Referral
        {
            Id = referralId,
            TenantId = user.TenantId,
            YoungPersonId = person!.Id,
            PlanVersionId = plan!.Id,
            PlanVersionNumber = plan.Number,
            Summary = request.Summary!,
            Sections = sections,
            ReferrerId = user.Id,
            ReferrerName = user.Name,
            ReferrerEmail = user.Email,
            CreatedAt = now,
            Status = ReferralStatus.Sent,
            Legs = legs,
        };
        referral.Timeline.Add(new TimelineEntry
        {
            ReferralId = referral.Id,
            At = now,
            Actor = user.Name,
            Kind = TimelineKinds.ReferralMade,
            Detail = $"Referred {string.Join(", ", sections)} to {string.Join(", ", legs.Select(l => l.Agency))}",
        });
        foreach (var leg in legs)
        {
            referral.Timeline.Add(new TimelineEntry
            {
                ReferralId = referral.Id,
                LegId = leg.Id,
                Agency = leg.Agency,
                At = now,
                Actor = user.Name,
                Kind = TimelineKinds.LegRequested,
                ToStatus = LegStatusCodes.Requested,
                Detail = $"Sent to {leg.Recipient.Name}, sharing {string.Join(", ", leg.SharedSections)} under {leg.LawfulBasis.Basis}",
            });
        }

        var messages = legs.Select(leg => legMessages.Requested(referral, leg, person, plan)).ToList();
        foreach (var message in messages)
        {
            foreach (var unmet in definitions.For(message.Agency).Format.DeliveryRequirements.Where(r => !r.IsMetBy(message)))
            {
                errors.Add($"{fieldOfAgency[message.Agency]}.{unmet.Field}", unmet.Need);
            }
        }

        return errors.Any ? (null, errors) : (new ReferralDraft(referral, messages, legConsents?.Recorded ?? []), errors);
    }

    /// <summary>Only a referral under the duty to refer may carry its three consents; whether each is given is that agency's requirement.</summary>
    bool TakesDutyToReferConsents(DutyToReferConsents? consents, string agency, string field, FieldErrors errors)
    {
        if (consents is not null && !definitions.For(agency).TakesDutyToReferConsents)
        {
            var takers = definitions.All.Where(d => d.TakesDutyToReferConsents).Select(d => d.NameInSentence);
            errors.Add(field, $"Only a referral to {string.Join(" or ", takers)} takes the duty to refer consents, not '{agency}'.");
            return false;
        }

        return true;
    }

    /// <summary>An answer left out is a consent not given. Absent, the single consent of the lawful basis stands for them, as before they existed.</summary>
    static HousingReferralConsents? HousingConsents(DutyToReferConsents? consents) => consents is null
        ? null
        : new HousingReferralConsents(consents.ToBeReferred == true, consents.ToChosenHousingAuthority == true, consents.ToShareContactDetails == true);

    /// <summary>A leg on consent rests on the young person's recorded consent for the agency, or records the one its input gives.</summary>
    static LawfulBasis? ValidateLawfulBasis(
        LawfulBasisInput? input, string agency, string field, HubUser user, DateTimeOffset now, FieldErrors errors, LegConsents? consents)
    {
        if (input?.Basis is null)
        {
            errors.Add(field, $"A lawful basis is required before anything is sent to '{agency}'.");
            return null;
        }

        if (!LawfulBases.All.Contains(input.Basis))
        {
            errors.Add($"{field}.basis", $"'{input.Basis}' is not a lawful basis; use one of: {string.Join(", ", LawfulBases.All)}.");
            return null;
        }

        if (input.Basis == LawfulBases.Consent && consents?.IsRecorded(agency) == true)
        {
            return consents.BasisFor(agency, field, errors);
        }

        if (input.Basis == LawfulBases.Consent && (string.IsNullOrWhiteSpace(input.RecordedBy) || input.RecordedAt is null))
        {
            errors.Add(field, "Consent must say who recorded it ('recordedBy') and when ('recordedAt'), unless the young person's consent for the agency is recorded already.");
            return null;
        }

        if (input.RecordedAt > now)
        {
            errors.Add($"{field}.recordedAt", "'recordedAt' cannot be in the future.");
            return null;
        }

        errors.OptionalText($"{field}.recordedBy", input.RecordedBy, 200);
        errors.OptionalText($"{field}.evidence", input.Evidence, 2000);
        var basis = new LawfulBasis(input.Basis, input.RecordedBy ?? user.Name, (input.RecordedAt ?? now).ToUniversalTime(), input.Evidence);
        return basis.Basis == LawfulBases.Consent && consents is not null ? consents.Record(agency, basis) : basis;
    }
}

/// <summary>A referral as it would be made, the message each of its agencies would be sent, and the consents its legs record.</summary>
public sealed record ReferralDraft(Referral Referral, IReadOnlyList<LegRequested> Messages, IReadOnlyList<Consent> Consents);
