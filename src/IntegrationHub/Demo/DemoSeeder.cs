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

/// <summary>
/// DEMO ONLY: two young people with pathway plans, and one referral that the stand-in agencies answer; three more with plans alone;
/// and, where <see cref="DemoOptions.OutOfArea"/> names an area, another living there, referred to that area's organisations.
/// </summary>
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

        // Where each lives and what each does, as the board's scorecard counts them: Jordan still in the children's home and
        // out of work, Amira staying put and at college, Kai on a short let and unwell.
        var jordanPlan = Plan(jordan, pa, today,
            new CurrentAccommodation(AccommodationCodes.CommunityHome, Suitable: true), new CurrentActivity(ActivityCodes.NotInEetOther), TrustedAdultsAnswers.No,
            (PlanSectionCodes.Accommodation, "Needs a supported tenancy before leaving the children's home in March", "Refer to housing under the duty to refer"),
            (PlanSectionCodes.Health, "Anxiety; on the CAMHS waiting list", "GP review and transition plan to adult mental health"),
            (PlanSectionCodes.Eet, "Not in education, employment or training since June", "Jobcentre care leaver single point of contact"),
            (PlanSectionCodes.Financial, "No bank account yet", "Open a basic bank account; setting-up-home allowance"),
            (PlanSectionCodes.Justice, "Youth conditional caution, 2025", "Keep in touch with the youth offending service worker"));
        var amiraPlan = Plan(amira, pa, today,
            new CurrentAccommodation(AccommodationCodes.WithFormerFosterCarers, Suitable: true), new CurrentActivity(ActivityCodes.FullTimeOtherEducation), TrustedAdultsAnswers.Yes,
            (PlanSectionCodes.Accommodation, "Staying put with former foster carers until 21", "Review staying put arrangement"),
            (PlanSectionCodes.Eet, "College, level 3 health and social care", "Apply for the care leaver bursary"),
            (PlanSectionCodes.Immigration, "Indefinite leave to remain granted", "Keep documents safe; biometric residence permit renewal"));
        db.PlanVersions.AddRange(jordanPlan, amiraPlan);
        AddCohort(db, tenant, pa, today);
        await db.SaveChangesAsync(cancellationToken);

        var agencies = scope.ServiceProvider.GetRequiredService<AgencyDefinitions>().All;
        var consent = new LawfulBasisInput("consent", pa.Name, now, "Jordan agreed at the pathway plan review; signed form on file.");
        var (referral, errors) = await scope.ServiceProvider.GetRequiredService<ReferralMaker>().AddAsync(
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

        await db.SaveChangesAsync(cancellationToken);

        if (options.Value.OutOfArea is { } area)
        {
            await ReferOutOfAreaAsync(scope.ServiceProvider, db, tenant, area, pa, today, consent with { Evidence = "Kai agreed before moving; signed form on file." }, cancellationToken);
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

    /// <summary>
    /// Care leavers aged 19 to 21 with a plan and no referral, so the board's scorecard (suitable accommodation and EET at
    /// 19-21, trusted adults) counts more than the two referred above.
    /// </summary>
    void AddCohort(HubDbContext db, string tenant, HubUser pa, DateOnly today)
    {
        var tyler = Person(Guid.NewGuid(), tenant, pa, "Tyler", "Brooks", today.AddYears(-20).AddDays(-110), "LA-100612", null, "JT246810A", null);
        var chloe = Person(Guid.NewGuid(), tenant, pa, "Chloe", "Ward", today.AddYears(-21).AddDays(-30), "LA-100455", null, "JC135790B", null);
        var daniel = Person(Guid.NewGuid(), tenant, pa, "Daniel", "Okafor", today.AddYears(-19).AddDays(-250), "LA-100733", null, "JE112233C", null);
        db.YoungPeople.AddRange(tyler, chloe, daniel);
        db.PlanVersions.AddRange(
            Plan(tyler, pa, today,
                new CurrentAccommodation(AccommodationCodes.IndependentLiving, Suitable: true), new CurrentActivity(ActivityCodes.FullTimeTrainingOrEmployment), TrustedAdultsAnswers.Yes,
                (PlanSectionCodes.Financial, "Council tax exemption ends at 25", "Budgeting review with the PA every three months")),
            Plan(chloe, pa, today,
                new CurrentAccommodation(AccommodationCodes.NoFixedAbode, Suitable: false), new CurrentActivity(ActivityCodes.NotInEetOther), TrustedAdultsAnswers.NotKnown,
                (PlanSectionCodes.Accommodation, "Sofa surfing since the tenancy ended in October", "Refer to housing under the duty to refer")),
            Plan(daniel, pa, today,
                new CurrentAccommodation(AccommodationCodes.SupportedLodgings, Suitable: true), new CurrentActivity(ActivityCodes.FullTimeApprenticeship), TrustedAdultsAnswers.Yes,
                (PlanSectionCodes.Eet, "Level 2 electrical apprenticeship, first year", "Apprenticeship bursary and travel costs")));
    }

    /// <summary>A young person living in the area, referred to each agency the directory names an organisation of the area for.</summary>
    async Task ReferOutOfAreaAsync(
        IServiceProvider services, HubDbContext db, string tenant, string area, HubUser pa, DateOnly today, LawfulBasisInput consent, CancellationToken cancellationToken)
    {
        var directory = services.GetRequiredService<IOptions<AgencyDirectoryOptions>>().Value;
        if (!directory.Areas.TryGetValue(area, out var organisations))
        {
            throw new InvalidOperationException($"Demo:OutOfArea names '{area}', which AgencyDirectory:Areas does not list.");
        }

        var kai = Person(Guid.NewGuid(), tenant, pa, "Kai", "Morgan", today.AddYears(-18).AddDays(-75), "LA-100502", "9000000009", "JM123456C", null);
        kai.ResidenceArea = area;
        db.YoungPeople.Add(kai);
        var plan = Plan(kai, pa, today,
            new CurrentAccommodation(AccommodationCodes.IndependentLiving, Suitable: false), new CurrentActivity(ActivityCodes.NotInEetIllnessOrDisability), TrustedAdultsAnswers.Yes,
            (PlanSectionCodes.Accommodation, $"Moved to a flat in {area} near their sister", "Refer to the area's housing options service"),
            (PlanSectionCodes.Health, "Depression; was under CAMHS before the move", "Register with a GP and refer to adult mental health where Kai now lives"));
        db.PlanVersions.Add(plan);
        await db.SaveChangesAsync(cancellationToken);

        var sections = new List<string> { PlanSectionCodes.Accommodation, PlanSectionCodes.Health };
        var (referral, errors) = await services.GetRequiredService<ReferralMaker>().AddAsync(
            new MakeReferral(kai.Id, plan.Number, $"Kai has moved to {area}: the support there needs to pick up housing and mental health.",
                sections, [.. organisations.Keys.Select(agency => new ReferralAgency(agency, OutOfAreaReason(agency, area), consent))]),
            pa,
            cancellationToken);
        if (referral is null)
        {
            throw new InvalidOperationException($"The demo out-of-area referral is invalid: {string.Join("; ", errors.ToDictionary().SelectMany(e => e.Value))}");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Each agency's own reason: what it alone needs to know to pick Kai up where they now live.</summary>
    static string OutOfAreaReason(string agency, string area) => agency switch
    {
        AgencyCodes.Housing => $"Kai has moved to a flat in {area} on a short let that ends in eight weeks and needs housing options advice there before then.",
        AgencyCodes.Nhs => $"Kai had CAMHS support for depression before moving to {area}; please register them with a GP and pick up adult mental health support.",
        _ => $"Kai has moved to {area}; please pick up the support your service gives care leavers there.",
    };

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

    PathwayPlanVersion Plan(
        YoungPerson person, HubUser pa, DateOnly today, CurrentAccommodation accommodation, CurrentActivity activity, string trustedAdults,
        params (string Code, string Need, string Action)[] sections) => new()
        {
            Id = Guid.NewGuid(),
            YoungPersonId = person.Id,
            TenantId = person.TenantId,
            Number = 1,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = pa.Id,
            Sections = [.. sections.Select(s => new PlanSection(s.Code, [s.Need], [s.Action], pa.Name, today.AddMonths(3)))],
            Accommodation = accommodation,
            Activity = activity,
            TrustedAdults = trustedAdults,
        };
}
