using IntegrationHub.Board.Decisions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Referrals;
using IntegrationHub.Tests.Escalations;
using IntegrationHub.YoungPeople;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.LegStatusCodes;

namespace IntegrationHub.Tests.Board.Scorecard;

/// <summary>
/// A known data set for the scorecard, written straight to the hub's database (the figures are about what the rows
/// say, however they got there). The scorecard is read as of <see cref="AsOf"/>, 1 December 2026, over
/// <see cref="Months"/> months: this period is 2 June to 1 December 2026, the previous one 2 December 2025 to 1 June 2026.
/// <code>
/// person  born        age 1 Jun 2026 / 1 Dec 2026   plan versions (created: accommodation suitable?, activity, two trusted adults)
/// A1      2006-03-10  20 / 20                        10 Jan 2026: yes, G5, no; 1 Sep 2026: yes, F5, yes; 5 Dec 2026 (after): no, G5, no
/// A2      2005-01-15  21 / 21                        1 Feb 2026: yes, G6, yes; 1 Aug 2026: no, F1, yes
/// A3      2007-11-20  18 / 19                        1 Jul 2026: yes, P4, not known
/// A4      2004-12-15  21 / 21                        none
/// A5      2004-07-01  21 / 22                        1 Mar 2026: yes, F2, yes
/// A6      2009-01-10  17 / 17                        1 May 2026: yes, G4, yes
/// A7      2008-08-20  17 / 18 (18 on 20 Aug 2026)    5 Jan 2026: yes, F2, no
/// A8      2008-03-05  18 / 18 (18 on 5 Mar 2026)     none
/// A9      2008-10-01  17 / 18 (18 on 1 Oct 2026)     none
/// B1      2006-01-01  council-b: a suitable plan, an accepted housing leg and an escalation resolved in time, none of them council-a's
/// </code>
/// Housing legs (made, decided): A1 1 Jul, 8 Jul accepted; A2 1 Aug, 11 Aug declined intentionally homeless; A3 1 Sep,
/// 21 Sep completed; A4 1 Feb, 5 Feb accepted; A6 1 Mar, 3 Mar declined (another reason); A5 1 Dec 2026, undecided.
/// NHS legs: A7 CAMHS (10 Jan to 12 Jan, accepted) and adult mental health (1 Jul to 10 Jul, accepted: before 18, in SLA);
/// A9 CAMHS (2 Feb to 4 Feb) and adult mental health (3 Aug to 5 Oct: after 18, late); A8 CAMHS (October 2025, in
/// progress) and adult mental health (2 Feb to 20 Feb, before 18, in SLA); A1 GP (2 Nov to 30 Nov, declined, late).
/// Sanctions proposed (start; PA answered): A1 15 Jul, never; A2 10 Aug, 5 Aug; A3 10 Sep, 10 Sep 23:30 UTC (11 Sep in
/// the UK); A5 10 Mar, never; A1 10 Dec (after the period).
/// Custody releases (latest report): A1 1 Aug (first reported for 1 May); A3 1 Nov; A4 20 Mar; A6 1 Sep on a cancelled leg.
/// Escalations (due, resolved): A1 6 Jul, 5 Jul; A2 1 Aug, 3 Aug; A6 10 Sep 10:00, 10 Sep 10:00; A5 1 Mar, 1 Apr;
/// A1 one still open.
/// Board actions (decided, due, done): A1 1 Oct, 15 Nov, not done; A2 1 Sep, 1 Oct, 20 Nov; A5 1 Mar, 1 Apr, 10 Jul;
/// A3 20 Nov, 10 Dec (not yet due), not done.
/// </summary>
/// <remarks>The hub is on SQLite unless a derived scenario gives other database settings (PostgreSQL, in the integration tests).</remarks>
public class ScorecardScenario : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2026, 12, 1);
    public const int Months = 6;
    public const string EmptyTenant = "council-empty";

    /// <summary>A local authority whose one young person (aged 20, suitably housed) the hub first knew on 1 September 2026.</summary>
    public const string NewTenant = "council-new";
    public const string HousingChampion = "Cllr Ada Okafor";
    public const string CorporateParentingChampion = "Cllr Ben Hale";

    /// <summary>Council A's own EET target, above the default 70%: its 75% is amber (within 5 points).</summary>
    public const double OwnEetTarget = 80;

    public ScorecardScenario()
        : this(new Dictionary<string, string>())
    {
    }

    protected ScorecardScenario(IReadOnlyDictionary<string, string> settings)
    {
        Hub = new ClockedHubFactory(new Dictionary<string, string>(settings)
        {
            [$"Scorecard:Tenants:{HubFactory.TenantA}:Champions:housing"] = HousingChampion,
            [$"Scorecard:Tenants:{HubFactory.TenantA}:Champions:corporate-parenting"] = CorporateParentingChampion,
            [$"Scorecard:Tenants:{HubFactory.TenantA}:Targets:eet-19-21:Value"] = OwnEetTarget.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public ClockedHubFactory Hub { get; }

    public async Task InitializeAsync()
    {
        await Hub.InitializeAsync();
        var seed = new Seed(HubFactory.TenantA);
        var a1 = seed.Person(new(2006, 3, 10), Plan(At(2026, 1, 10), true, "G5", "no"), Plan(At(2026, 9, 1), true, "F5", "yes"), Plan(At(2026, 12, 5), false, "G5", "no"));
        var a2 = seed.Person(new(2005, 1, 15), Plan(At(2026, 2, 1), true, "G6", "yes"), Plan(At(2026, 8, 1), false, "F1", "yes"));
        var a3 = seed.Person(new(2007, 11, 20), Plan(At(2026, 7, 1), true, "P4", "not-known"));
        var a4 = seed.Person(new(2004, 12, 15));
        var a5 = seed.Person(new(2004, 7, 1), Plan(At(2026, 3, 1), true, "F2", "yes"));
        var a6 = seed.Person(new(2009, 1, 10), Plan(At(2026, 5, 1), true, "G4", "yes"));
        var a7 = seed.Person(new(2008, 8, 20), Plan(At(2026, 1, 5), true, "F2", "no"));
        var a8 = seed.Person(new(2008, 3, 5));
        var a9 = seed.Person(new(2008, 10, 1));

        var h1 = seed.Leg(a1, Housing, At(2026, 7, 1), At(2026, 7, 8), Accepted);
        seed.Leg(a2, Housing, At(2026, 8, 1), At(2026, 8, 11), Rejected, reasonCode: "intentionally-homeless");
        seed.Leg(a3, Housing, At(2026, 9, 1), At(2026, 9, 21), Completed);
        seed.Leg(a4, Housing, At(2026, 2, 1), At(2026, 2, 5), Accepted);
        var h6 = seed.Leg(a6, Housing, At(2026, 3, 1), At(2026, 3, 3), Rejected, reasonCode: "not-eligible");
        seed.Leg(a5, Housing, new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), null, Requested);

        seed.Leg(a7, Nhs, At(2026, 1, 10), At(2026, 1, 12), Accepted, OrganisationServices.Camhs);
        seed.Leg(a7, Nhs, At(2026, 7, 1), At(2026, 7, 10), Accepted, OrganisationServices.AdultMentalHealth);
        seed.Leg(a9, Nhs, At(2026, 2, 2), At(2026, 2, 4), Accepted, OrganisationServices.Camhs);
        seed.Leg(a9, Nhs, At(2026, 8, 3), At(2026, 10, 5), Accepted, OrganisationServices.AdultMentalHealth);
        seed.Leg(a8, Nhs, At(2025, 10, 1), At(2025, 10, 3), InProgress, OrganisationServices.Camhs);
        seed.Leg(a8, Nhs, At(2026, 2, 2), At(2026, 2, 20), Accepted, OrganisationServices.AdultMentalHealth);
        seed.Leg(a1, Nhs, At(2026, 11, 2), At(2026, 11, 30), Rejected, reasonCode: "not-eligible");

        var d1 = seed.Leg(a1, Dwp, At(2026, 6, 10), At(2026, 6, 11), Accepted);
        var d2 = seed.Leg(a2, Dwp, At(2026, 6, 10), At(2026, 6, 11), Accepted);
        var d3 = seed.Leg(a3, Dwp, At(2026, 6, 10), At(2026, 6, 11), Accepted);
        var d5 = seed.Leg(a5, Dwp, At(2026, 1, 10), At(2026, 1, 11), Accepted);
        seed.Fact(d1, LegFactKinds.SanctionProposed, new(2026, 7, 15), At(2026, 7, 1), respondedAt: null);
        seed.Fact(d2, LegFactKinds.SanctionProposed, new(2026, 8, 10), At(2026, 8, 1), respondedAt: At(2026, 8, 5));
        seed.Fact(d3, LegFactKinds.SanctionProposed, new(2026, 9, 10), At(2026, 9, 1), respondedAt: new(2026, 9, 10, 23, 30, 0, TimeSpan.Zero));
        seed.Fact(d5, LegFactKinds.SanctionProposed, new(2026, 3, 10), At(2026, 3, 1), respondedAt: null);
        seed.Fact(d1, LegFactKinds.SanctionProposed, new(2026, 12, 10), At(2026, 11, 20), respondedAt: null);

        var p1 = seed.Leg(a1, Probation, At(2026, 1, 5), At(2026, 1, 6), Accepted);
        var p3 = seed.Leg(a3, Probation, At(2026, 1, 5), At(2026, 1, 6), Accepted);
        var p4 = seed.Leg(a4, Probation, At(2026, 1, 5), At(2026, 1, 6), Accepted);
        var y6 = seed.Leg(a6, Yos, At(2026, 1, 5), At(2026, 1, 6), Cancelled);
        seed.Fact(p1, LegFactKinds.CustodyReleasePlanned, new(2026, 5, 1), At(2026, 2, 1), respondedAt: null);
        seed.Fact(p1, LegFactKinds.CustodyReleasePlanned, new(2026, 8, 1), At(2026, 4, 1), respondedAt: null);
        seed.Fact(p3, LegFactKinds.CustodyReleasePlanned, new(2026, 11, 1), At(2026, 6, 1), respondedAt: null);
        seed.Fact(p4, LegFactKinds.CustodyReleasePlanned, new(2026, 3, 20), At(2026, 1, 7), respondedAt: null);
        seed.Fact(y6, LegFactKinds.CustodyReleasePlanned, new(2026, 9, 1), At(2026, 1, 7), respondedAt: null);

        seed.Escalation(a1, h1, due: At(2026, 7, 6), resolved: At(2026, 7, 5));
        seed.Escalation(a2, null, due: At(2026, 8, 1), resolved: At(2026, 8, 3));
        seed.Escalation(a6, h6, due: At(2026, 9, 10), resolved: At(2026, 9, 10));
        seed.Escalation(a5, null, due: At(2026, 3, 1), resolved: At(2026, 4, 1));
        seed.Escalation(a1, null, due: At(2026, 11, 1), resolved: null);
        seed.BoardAction(a1, decided: At(2026, 10, 1), due: new(2026, 11, 15), done: null);
        seed.BoardAction(a2, decided: At(2026, 9, 1), due: new(2026, 10, 1), done: At(2026, 11, 20));
        seed.BoardAction(a5, decided: At(2026, 3, 1), due: new(2026, 4, 1), done: At(2026, 7, 10));
        seed.BoardAction(a3, decided: At(2026, 11, 20), due: new(2026, 12, 10), done: null);

        var other = new Seed(HubFactory.TenantB);
        var b1 = other.Person(new(2006, 1, 1), Plan(At(2026, 7, 1), true, "F1", "yes"));
        var hb = other.Leg(b1, Housing, At(2026, 7, 1), At(2026, 7, 2), Accepted);
        other.Escalation(b1, hb, due: At(2026, 7, 6), resolved: At(2026, 7, 5));
        other.BoardAction(b1, decided: At(2026, 9, 1), due: new(2026, 10, 1), done: null);

        var joined = new Seed(NewTenant);
        joined.PersonKnownFrom(At(2026, 9, 1), new(2006, 5, 1), Plan(At(2026, 9, 1), true, "F1", "yes"));

        await Hub.QueryAsync(async db =>
        {
            db.AddRange(seed.Rows);
            db.AddRange(other.Rows);
            db.AddRange(joined.Rows);
            return await db.SaveChangesAsync();
        });
    }

    public virtual Task DisposeAsync() => Hub.DisposeAsync().AsTask();

    /// <summary>10:00 UTC on a day: inside the day in the UK whatever the season.</summary>
    static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    static (DateTimeOffset Created, bool Suitable, string Activity, string TrustedAdults) Plan(DateTimeOffset created, bool suitable, string activity, string trustedAdults) =>
        (created, suitable, activity, trustedAdults);

    /// <summary>The rows of one local authority, made in the shape the hub writes them.</summary>
    sealed class Seed(string tenantId)
    {
        public List<object> Rows { get; } = [];

        readonly Dictionary<Guid, Referral> referrals = [];

        public YoungPerson Person(DateOnly born, params (DateTimeOffset Created, bool Suitable, string Activity, string TrustedAdults)[] plans) =>
            PersonKnownFrom(new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), born, plans);

        /// <summary>A young person whose record the hub made on <paramref name="known"/>.</summary>
        public YoungPerson PersonKnownFrom(DateTimeOffset known, DateOnly born, params (DateTimeOffset Created, bool Suitable, string Activity, string TrustedAdults)[] plans)
        {
            var person = new YoungPerson
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                GivenName = "Scorecard",
                FamilyName = $"Person {Rows.Count}",
                DateOfBirth = born,
                LocalAuthorityPersonId = $"SC-{Rows.Count}",
                CreatedAt = known,
                CreatedBy = "pa-1",
            };
            Rows.Add(person);
            Rows.AddRange(plans.Select((plan, i) => new PathwayPlanVersion
            {
                Id = Guid.NewGuid(),
                YoungPersonId = person.Id,
                TenantId = tenantId,
                Number = i + 1,
                CreatedAt = plan.Created,
                CreatedBy = "pa-1",
                Sections = [],
                Accommodation = new CurrentAccommodation(plan.Suitable ? AccommodationCodes.IndependentLiving : AccommodationCodes.EmergencyAccommodation, plan.Suitable),
                Activity = new CurrentActivity(plan.Activity),
                TrustedAdults = plan.TrustedAdults,
            }));
            return person;
        }

        public Leg Leg(YoungPerson person, string agency, DateTimeOffset made, DateTimeOffset? decided, string status, string? service = null, string? reasonCode = null)
        {
            if (!referrals.TryGetValue(person.Id, out var referral))
            {
                referral = new Referral
                {
                    Id = Guid.NewGuid(),
                    TenantId = tenantId,
                    YoungPersonId = person.Id,
                    PlanVersionId = Guid.NewGuid(),
                    PlanVersionNumber = 1,
                    Summary = "Scorecard data set",
                    Sections = [],
                    ReferrerId = "pa-1",
                    ReferrerName = "Test pa-1",
                    CreatedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    Status = ReferralStatus.InProgress,
                };
                referrals[person.Id] = referral;
                Rows.Add(referral);
            }

            var leg = new Leg
            {
                Id = Guid.NewGuid(),
                ReferralId = referral.Id,
                TenantId = tenantId,
                ReferralMadeAt = made,
                YoungPersonId = person.Id,
                YoungPersonBornOn = person.DateOfBirth,
                DecidedAt = decided,
                Agency = agency,
                Recipient = new Organisation($"{agency}-org", $"{agency} organisation", service),
                Reason = "Scorecard data set",
                Status = status,
                ReasonCode = reasonCode,
                LawfulBasis = new LawfulBasis("public-task", "pa-1", made, null),
                SharedSections = [],
                UpdatedAt = decided ?? made,
            };
            Rows.Add(leg);
            return leg;
        }

        public void Fact(Leg leg, string kind, DateOnly date, DateTimeOffset recorded, DateTimeOffset? respondedAt) =>
            Rows.Add(new LegFact
            {
                Id = Guid.NewGuid(),
                LegId = leg.Id,
                ReferralId = leg.ReferralId,
                TenantId = tenantId,
                Agency = leg.Agency,
                Kind = kind,
                Date = date,
                RecordedAt = recorded,
                RespondedAt = respondedAt,
                Response = respondedAt is null ? null : "Spoken to",
            });

        public void Escalation(YoungPerson person, Leg? leg, DateTimeOffset due, DateTimeOffset? resolved) =>
            Rows.Add(new Escalation
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                ReferralId = leg?.ReferralId,
                LegId = leg?.Id,
                YoungPersonId = person.Id,
                Agency = leg?.Agency ?? Housing,
                Theme = "housing",
                Level = 1,
                ReasonCode = EscalationReasons.RaisedByManager,
                Reason = "Scorecard data set",
                Owner = "team-manager",
                TriggerKey = $"scorecard:{Guid.NewGuid()}",
                RaisedAt = due.AddDays(-5),
                DueBy = due,
                ResolvedAt = resolved,
                ResolvedBy = resolved is null ? null : "tm-1",
            });

        public void BoardAction(YoungPerson person, DateTimeOffset decided, DateOnly due, DateTimeOffset? done)
        {
            var decision = new BoardDecision
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                EscalationId = Guid.NewGuid(),
                CaseReference = "SC-0001",
                YoungPersonId = person.Id,
                Theme = "housing",
                Action = "Scorecard data set",
                Organisation = "E09000001",
                Agency = Housing,
                Owner = "Alex Owner",
                DueOn = due,
                Status = done is null ? BoardDecisionStatuses.Open : BoardDecisionStatuses.Done,
                DecidedAt = decided,
                DecidedById = "board-1",
                DecidedBy = "Board Member",
                UpdatedAt = done ?? decided,
            };
            if (done is { } at)
            {
                decision.Progress.Add(new BoardDecisionProgress
                {
                    Id = Guid.NewGuid(),
                    DecisionId = decision.Id,
                    TenantId = tenantId,
                    At = at,
                    ById = "board-1",
                    By = "Board Member",
                    ByRole = "BoardMember",
                    Status = BoardDecisionStatuses.Done,
                    Note = "Done.",
                });
            }

            Rows.Add(decision);
        }
    }
}
