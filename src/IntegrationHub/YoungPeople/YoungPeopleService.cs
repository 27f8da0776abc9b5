using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Auditing;
using IntegrationHub.Identifiers;
using IntegrationHub.Outcomes;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YoungPersonOutcome = IntegrationHub.Outcomes.Outcome<IntegrationHub.YoungPeople.YoungPersonDetails>;

namespace IntegrationHub.YoungPeople;

/// <summary>The young people a local authority registers with the hub; each registration and each read of one is audited.</summary>
public sealed class YoungPeopleService(HubDbContext db, AuditLog audit, TimeProvider clock, IOptions<AgencyDirectoryOptions> directory)
{
    const string Resource = "young-person";

    DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A local authority person id is registered once in its local authority: a second registration is a conflict.</summary>
    public async Task<YoungPersonOutcome> RegisterAsync(RegisterYoungPerson request, HubUser user, CancellationToken cancellationToken)
    {
        var errors = Validate(request, Today);
        if (request.ResidenceArea is { } area && area != user.TenantId && !directory.Value.Areas.ContainsKey(area))
        {
            errors.Add("residenceArea", $"'{area}' is not an area in the agency directory, so the hub cannot route referrals there.");
        }

        if (errors.Any)
        {
            return new YoungPersonOutcome.Invalid(errors);
        }

        var tenant = user.TenantId;
        if (await db.YoungPeople.AnyAsync(p => p.LocalAuthorityPersonId == request.LocalAuthorityPersonId, cancellationToken))
        {
            return new YoungPersonOutcome.Conflict(
                "Already registered", $"A young person with local authority person id '{request.LocalAuthorityPersonId}' is already registered.");
        }

        var person = new YoungPerson
        {
            Id = Guid.NewGuid(),
            TenantId = tenant,
            GivenName = request.GivenName!.Trim(),
            FamilyName = request.FamilyName!.Trim(),
            DateOfBirth = request.DateOfBirth!.Value,
            Email = request.Email,
            Phone = request.Phone,
            AddressLine = request.AddressLine,
            Postcode = request.Postcode,
            ResidenceArea = request.ResidenceArea,
            LocalAuthorityPersonId = request.LocalAuthorityPersonId!,
            NhsNumber = request.NhsNumber is null ? null : NhsNumber.Normalise(request.NhsNumber),
            NationalInsuranceNumber = request.NationalInsuranceNumber is null ? null : NationalInsuranceNumber.Normalise(request.NationalInsuranceNumber),
            Crn = request.Crn is null ? null : ProbationCrn.Normalise(request.Crn),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Id,
        };
        db.YoungPeople.Add(person);
        await audit.RecordAsync(user, [Audited.Write(Resource, person.Id, person.Id, AuditBases.PublicTask)], cancellationToken);
        return new YoungPersonOutcome.Done(YoungPersonDetails.From(person, Today));
    }

    public async Task<List<YoungPersonDetails>> ListAsync(string? search, HubUser user, CancellationToken cancellationToken)
    {
        var query = db.YoungPeople.AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(p => p.GivenName.ToLower().Contains(term) || p.FamilyName.ToLower().Contains(term) || p.LocalAuthorityPersonId.ToLower() == term);
        }

        var people = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(200).ToListAsync(cancellationToken);
        await audit.RecordReadsAsync(user, Resource, people.Select(p => p.Id), AuditBases.PublicTask, cancellationToken);

        return [.. people.Select(p => YoungPersonDetails.From(p, Today))];
    }

    public async Task<YoungPersonDetails?> GetAsync(Guid id, HubUser user, CancellationToken cancellationToken)
    {
        var person = await FindInTenantAsync(id, user, cancellationToken);
        if (person is null)
        {
            return null;
        }

        await audit.RecordReadAsync(user, Resource, person.Id, person.Id, AuditBases.PublicTask, cancellationToken);
        return YoungPersonDetails.From(person, Today);
    }

    /// <summary>A young person of another local authority is not found, so that ids reveal nothing. Not audited: nothing is shown.</summary>
    public Task<YoungPerson?> FindInTenantAsync(Guid id, HubUser user, CancellationToken cancellationToken) =>
        db.YoungPeople.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    static FieldErrors Validate(RegisterYoungPerson request, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Text("givenName", request.GivenName, 100);
        errors.Text("familyName", request.FamilyName, 100);
        if (request.DateOfBirth is not { } dateOfBirth)
        {
            errors.Add("dateOfBirth", "'dateOfBirth' is required.");
        }
        else if (dateOfBirth > today || dateOfBirth < today.AddYears(-30))
        {
            errors.Add("dateOfBirth", "'dateOfBirth' must be in the past and within the last 30 years.");
        }

        if (!LocalAuthorityPersonId.IsValid(request.LocalAuthorityPersonId))
        {
            errors.Add("localAuthorityPersonId", "'localAuthorityPersonId' is required: 1 to 32 letters, digits or hyphens.");
        }

        if (request.NhsNumber is not null && !NhsNumber.IsValid(request.NhsNumber))
        {
            errors.Add("nhsNumber", "'nhsNumber' must be 10 digits with a valid modulus-11 check digit.");
        }

        if (request.NationalInsuranceNumber is not null && !NationalInsuranceNumber.IsValid(request.NationalInsuranceNumber))
        {
            errors.Add("nationalInsuranceNumber", "'nationalInsuranceNumber' must be two valid prefix letters, six digits and a suffix A to D, e.g. AB123456C.");
        }

        if (request.Crn is not null && !ProbationCrn.IsValid(request.Crn))
        {
            errors.Add("crn", "'crn' must be one letter followed by six digits, e.g. X123456.");
        }

        errors.OptionalText("email", request.Email, 200);
        errors.OptionalText("phone", request.Phone, 40);
        errors.OptionalText("addressLine", request.AddressLine, 300);
        errors.OptionalText("postcode", request.Postcode, 10);
        return errors;
    }
}
