using System.Security.Claims;
using IntegrationHub.Auditing;
using IntegrationHub.Identifiers;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.YoungPeople;

public static class YoungPeopleApi
{
    public static IEndpointRouteBuilder MapYoungPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/young-people")
            .WithTags("Young people")
            .RequireAuthorization(HubPolicies.PersonalAdviser);

        api.MapPost("/", RegisterAsync).WithName("RegisterYoungPerson");
        api.MapGet("/", ListAsync).WithName("ListYoungPeople");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetYoungPerson");
        return app;
    }

    public sealed record Services(HubDbContext Db, AuditLog Audit, TimeProvider Clock, IOptions<AgencyDirectoryOptions> Directory, ClaimsPrincipal Principal)
    {
        public HubUser User { get; } = HubUser.From(Principal);
        public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    }

    static async Task<Results<Created<YoungPersonDetails>, ValidationProblem, Conflict<string>>> RegisterAsync(
        RegisterYoungPerson request, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var errors = Validate(request, services.Today);
        if (request.ResidenceArea is { } area && area != services.User.TenantId && !services.Directory.Value.Areas.ContainsKey(area))
        {
            errors.Add("residenceArea", $"'{area}' is not an area in the agency directory, so the hub cannot route referrals there.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var tenant = services.User.TenantId;
        if (await services.Db.YoungPeople.AnyAsync(p => p.TenantId == tenant && p.LocalAuthorityPersonId == request.LocalAuthorityPersonId, cancellationToken))
        {
            return TypedResults.Conflict($"A young person with local authority person id '{request.LocalAuthorityPersonId}' is already registered.");
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
            CreatedAt = services.Clock.GetUtcNow(),
            CreatedBy = services.User.Id,
        };
        services.Db.YoungPeople.Add(person);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/young-people/{person.Id}", YoungPersonDetails.From(person, services.Today));
    }

    internal static async Task<Ok<List<YoungPersonDetails>>> ListAsync([AsParameters] Services services, string? search, CancellationToken cancellationToken)
    {
        var tenant = services.User.TenantId;
        var query = services.Db.YoungPeople.Where(p => p.TenantId == tenant);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(p => p.GivenName.ToLower().Contains(term) || p.FamilyName.ToLower().Contains(term) || p.LocalAuthorityPersonId.ToLower() == term);
        }

        var people = await query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).Take(200).ToListAsync(cancellationToken);
        await services.Audit.RecordReadsAsync(services.User, "young-person", people.Select(p => p.Id), AuditBases.PublicTask, cancellationToken);

        return TypedResults.Ok(people.Select(p => YoungPersonDetails.From(p, services.Today)).ToList());
    }

    internal static async Task<Results<Ok<YoungPersonDetails>, NotFound>> GetAsync(Guid id, [AsParameters] Services services, CancellationToken cancellationToken)
    {
        var person = await FindInTenantAsync(services.Db, id, services.User, cancellationToken);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        await services.Audit.RecordReadAsync(services.User, "young-person", person.Id, person.Id, AuditBases.PublicTask, cancellationToken);
        return TypedResults.Ok(YoungPersonDetails.From(person, services.Today));
    }

    /// <summary>A young person of another local authority is not found, so that ids reveal nothing.</summary>
    internal static Task<YoungPerson?> FindInTenantAsync(HubDbContext db, Guid id, HubUser user, CancellationToken cancellationToken) =>
        db.YoungPeople.SingleOrDefaultAsync(p => p.Id == id && p.TenantId == user.TenantId, cancellationToken);

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
