using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Demo;

/// <summary>DEMO ONLY: two young people with pathway plans, and one referral that the stand-in agencies answer.</summary>
sealed class DemoSeeder(IServiceScopeFactory scopes, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var tenant = options.Value.TenantId;
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant);
        if (await db.YoungPeople.AnyAsync(cancellationToken))
        {
            return;
        }

        var pa = LocalUsers.PersonalAdviser(tenant);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow();
        // Jordan signs in as the demo young person, bound to this record.
        var jordan = Person(LocalUsers.DemoYoungPersonId(tenant), tenant, pa, "Jordan", "Ellis", today.AddYears(-17).AddDays(-40), "LA-100234", "9434765919", "JK654321B", "X123456");
        var amira = Person(Guid.NewGuid(), tenant, pa, "Amira", "Hassan", today.AddYears(-19).AddDays(-200), "LA-100871", "4010232137", "AB123456C", null);
        db.YoungPeople.AddRange(jordan, amira);

        var jordanPlan = Plan(jordan, pa, today,
            (PlanSectionCodes.Accommodation, "Needs a supported tenancy before leaving the children's home in March", "Refer to housing under the duty to refer"),
            (PlanSectionCodes.Health, "Anxiety; on the CAMHS waiting list", "GP review and transition plan to adult mental health"),
            (PlanSectionCodes.Eet, "Not in education, employment or training since June", "Jobcentre care leaver single point of contact"),
            (PlanSectionCodes.Financial, "No bank account yet", "Open a basic bank account; setting-up-home allowance"),
            (PlanSectionCodes.Justice, "Youth conditional caution, 2025", "Keep in touch with the youth offending service worker"));
        var amiraPlan = Plan(amira, pa, today,
            (PlanSectionCodes.Accommodation, "Staying put with former foster carers until 21", "Review staying put arrangement"),
            (PlanSectionCodes.Eet, "College, level 3 health and social care", "Apply for the care leaver bursary"),
            (PlanSectionCodes.Immigration, "Indefinite leave to remain granted", "Keep documents safe; biometric residence permit renewal"));
        db.PlanVersions.AddRange(jordanPlan, amiraPlan);
        await db.SaveChangesAsync(cancellationToken);

        var agencies = scope.ServiceProvider.GetRequiredService<AgencyDefinitions>().All;
        var consent = new LawfulBasisInput("consent", pa.Name, now, "Jordan agreed at the pathway plan review; signed form on file.");
        var (referral, errors) = await scope.ServiceProvider.GetRequiredService<ReferralMaker>().MakeAsync(
            new MakeReferral(jordan.Id, jordanPlan.Number, "Jordan leaves the children's home in March: somewhere to live, mental health, work, money and youth justice.",
                [PlanSectionCodes.Accommodation, PlanSectionCodes.Financial, PlanSectionCodes.Health, PlanSectionCodes.Eet, PlanSectionCodes.Justice],
                // Each agency is told only what its adapter's demo wrote for it; the summary above stays with the leaving care team.
                [.. agencies.Select(agency => new ReferralAgency(agency.Code, agency.Demo.ReasonForReferral, consent))]),
            pa,
            cancellationToken);
        if (referral is null)
        {
            throw new InvalidOperationException($"The demo referral is invalid: {string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value))}");
        }

        // One escalation at each level of the ladder, so the managers' and board's views have something to show.
        var runner = scope.ServiceProvider.GetRequiredService<EscalationRunner>();
        foreach (var (level, agency) in agencies.Take(EscalationLadder.TopLevel).Select((a, i) => (i + 1, a)))
        {
            var reason = $"Demo: a team manager raised that {agency.NameInSentence} has not agreed a plan with Jordan before the move in March.";
            await runner.RaiseAsync(
                new EscalationRunner.Candidate($"demo:{referral.Id}:{level}", level, EscalationReasons.RaisedByManager, reason,
                    referral.Id, referral.Legs.Single(l => l.Agency == agency.Code).Id, jordan.Id, tenant, agency.Code),
                clock.GetUtcNow(),
                cancellationToken);
        }

        logger.LogInformation("Demo data seeded for {TenantId}: referral {ReferralId}", tenant, referral.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    YoungPerson Person(Guid id, string tenant, HubUser pa, string given, string family, DateOnly born, string laId, string? nhs, string? nino, string? crn) => new()
    {
        Id = id,
        TenantId = tenant,
        GivenName = given,
        FamilyName = family,
        DateOfBirth = born,
        Email = $"{given.ToLowerInvariant()}@example.org",
        Phone = "07700 900123",
        AddressLine = "1 Example Street, Demo Town",
        Postcode = "DT1 1AA",
        LocalAuthorityPersonId = laId,
        NhsNumber = nhs,
        NationalInsuranceNumber = nino,
        Crn = crn,
        CreatedAt = clock.GetUtcNow(),
        CreatedBy = pa.Id,
    };

    PathwayPlanVersion Plan(YoungPerson person, HubUser pa, DateOnly today, params (string Code, string Need, string Action)[] sections) => new()
    {
        Id = Guid.NewGuid(),
        YoungPersonId = person.Id,
        TenantId = person.TenantId,
        Number = 1,
        CreatedAt = clock.GetUtcNow(),
        CreatedBy = pa.Id,
        Sections = [.. sections.Select(s => new PlanSection(s.Code, [s.Need], [s.Action], pa.Name, today.AddMonths(3)))],
    };
}
