using System.Net.Http.Json;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.Tests.Escalations;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Board;

/// <summary>
/// A known data set for the board, on the clock of <see cref="ClockedHubFactory"/>, built once for the test class.
/// Every referral but the last is made at T0, Friday 18 December 2026 10:00 UTC; the agencies answer at known
/// times; the ladder runs on Wednesday 23 December 09:00 and on Thursday 14 January 2027 09:00, when the clock
/// stops: the board's today is 14 January 2027. Then one more referral is made and the agencies report dates.
/// <code>
/// person (age on 14 Jan 2027)   referral  legs and answers (hours after T0)
/// P1 17                          R1        H1 housing: none
/// P2 19                          R2        N1 nhs: ack 72, no decision; D1 dwp: ack 72, accepted 96
/// P3 22                          R3        H2 housing: declined 2 (intentionally-homeless); D2 dwp: declined 36 (already-supported)
/// P4 17 (18 on 15 Mar 2027)      R4        Y1 yos: ack 24, no decision; N2 nhs: ack 24, accepted 48; PR1 probation: ack 48, accepted 72
/// P5 20                          R5        H3 housing: ack 20, accepted 480 (7 Jan, late); D3 dwp: declined 6 (already-supported)
/// P6 17 (18 on 14 Sep 2027)      R6        Y2 yos: ack 24, no decision
/// P7 17 (18 on 1 Apr 2027)       R7        Y3 yos: declined 12 (not-open-to-yos)
/// P8 24                          R8        D4 dwp (made 14 Jan 2027): none
/// PB 19, council-b               RB        HB housing: none
/// </code>
/// Escalations: 23 Dec raises H1 (no acknowledgement, level 1), H2 (unacceptable decline, level 2) and HB (council-b);
/// a team manager raises one on N2 and resolves it, a head of service raises one on N1 at level 3 naming the young person.
/// 14 Jan raises N1, Y1 and Y2 (no decision, level 1) and moves H1 to level 2, H2 to level 3 and HB to level 2.
/// Reported dates: Y1 custody release 20 Feb and transition to probation 15 Mar 2027; PR1 custody release
/// 1 Mar 2027, then re-reported for 1 Jun 2027; Y2 custody release 10 Jan 2027 (past).
/// </summary>
/// <remarks>The hub is on SQLite unless a derived scenario gives other database settings (PostgreSQL, in the integration tests).</remarks>
public class BoardScenario : IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = ClockedHubFactory.Start;
    public static readonly DateTimeOffset FirstScan = new(2026, 12, 23, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LastScan = new(2027, 1, 14, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2027, 1, 14);

    public const string ManualReasonNamingThePerson = "CAMHS will not see Bartholomew Cressingham before the transition.";

    public BoardScenario()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">The hub's settings besides the clock's, e.g. its database.</param>
    protected BoardScenario(IReadOnlyDictionary<string, string> settings)
    {
        Hub = new ClockedHubFactory(settings);
    }

    public ClockedHubFactory Hub { get; }

    /// <summary>Every young person's given and family name, in both tenants: none may appear in a board answer.</summary>
    public List<string> Names { get; } = [];

    public YoungPersonDetails P2 { get; private set; } = null!;
    public YoungPersonDetails P4 { get; private set; } = null!;
    public Guid R1 { get; private set; }
    public Guid R2 { get; private set; }
    public Guid R3 { get; private set; }
    public Guid R4 { get; private set; }
    public Guid R6 { get; private set; }
    public Guid RB { get; private set; }
    public Guid H1 { get; private set; }
    public Guid H2 { get; private set; }
    public Guid N1 { get; private set; }
    public Guid Y1 { get; private set; }
    public Guid Y2 { get; private set; }
    public Guid PR1 { get; private set; }
    public Guid ManualOpenEscalation { get; private set; }

    public async Task InitializeAsync()
    {
        await Hub.InitializeAsync();
        await Hub.ScanAtAsync(T0);
        using var pa = Hub.PersonalAdviser();
        using var paB = Hub.PersonalAdviser(HubFactory.TenantB, "pa-b");

        var (_, r1) = await ReferAsync(pa, "Aurelia", "Brackenridge", new(2009, 6, 1), Housing);
        var (p2, r2) = await ReferAsync(pa, "Bartholomew", "Cressingham", new(2007, 5, 1), Nhs, Dwp);
        var (_, r3) = await ReferAsync(pa, "Cordelia", "Dunsworth", new(2004, 4, 1), Housing, Dwp);
        var (p4, r4) = await ReferAsync(pa, "Desmond", "Everingham", new(2009, 3, 15), Yos, Nhs, Probation);
        var (_, r5) = await ReferAsync(pa, "Evangeline", "Fotheringay", new(2006, 8, 1), Housing, Dwp);
        var (_, r6) = await ReferAsync(pa, "Florian", "Gainsborough", new(2009, 9, 14), Yos);
        var (_, r7) = await ReferAsync(pa, "Genevieve", "Hollingworth", new(2009, 4, 1), Yos);
        var (_, rb) = await ReferAsync(paB, "Ignatius", "Jolliffe", new(2008, 1, 1), Housing);
        (P2, P4) = (p2, p4);
        (R1, R2, R3, R4, R6, RB) = (r1.Id, r2.Id, r3.Id, r4.Id, r6.Id, rb.Id);
        (H1, H2, N1, Y1, Y2, PR1) = (r1.LegIdOf(Housing), r3.LegIdOf(Housing), r2.LegIdOf(Nhs), r4.LegIdOf(Yos), r6.LegIdOf(Yos), r4.LegIdOf(Probation));
        var (d1, d2, d3, n2, h3, y3) = (r2.LegIdOf(Dwp), r3.LegIdOf(Dwp), r5.LegIdOf(Dwp), r4.LegIdOf(Nhs), r5.LegIdOf(Housing), r7.LegIdOf(Yos));

        // Acknowledgements and declines first, so that no decision overtakes its acknowledgement.
        await AnswerAsync(
            (H2, LegStatusCodes.Rejected, new LegDeclined(Guid.NewGuid(), H2, Housing, "Housing officer", T0.AddHours(2), "intentionally-homeless", "Left settled accommodation.")),
            (d2, LegStatusCodes.Rejected, new LegDeclined(Guid.NewGuid(), d2, Dwp, "Work coach", T0.AddHours(36), "already-supported", "Already has a work coach.")),
            (d3, LegStatusCodes.Rejected, new LegDeclined(Guid.NewGuid(), d3, Dwp, "Work coach", T0.AddHours(6), "already-supported", "Already has a work coach.")),
            (y3, LegStatusCodes.Rejected, new LegDeclined(Guid.NewGuid(), y3, Yos, "YOS officer", T0.AddHours(12), "not-open-to-yos", "No open order.")),
            (N1, LegStatusCodes.Received, Acknowledgement(N1, Nhs, 72)),
            (d1, LegStatusCodes.Received, Acknowledgement(d1, Dwp, 72)),
            (Y1, LegStatusCodes.Received, Acknowledgement(Y1, Yos, 24)),
            (n2, LegStatusCodes.Received, Acknowledgement(n2, Nhs, 24)),
            (PR1, LegStatusCodes.Received, Acknowledgement(PR1, Probation, 48)),
            (Y2, LegStatusCodes.Received, Acknowledgement(Y2, Yos, 24)),
            (h3, LegStatusCodes.Received, Acknowledgement(h3, Housing, 20)));
        await AnswerAsync(
            (d1, LegStatusCodes.Accepted, Acceptance(d1, Dwp, 96)),
            (n2, LegStatusCodes.Accepted, Acceptance(n2, Nhs, 48)),
            (PR1, LegStatusCodes.Accepted, Acceptance(PR1, Probation, 72)));

        await Hub.ScanAtAsync(FirstScan);
        using var teamManager = Hub.CreateClient(Hub.Token("tm-1", HubRoles.TeamManager, HubFactory.TenantA));
        var resolvedOne = await RaiseAsync(teamManager, new(R4, n2, "The GP practice has not booked the first appointment.", 1));
        await ExpectAsync(
            await teamManager.PostAsJsonAsync($"/api/escalations/{resolvedOne}/resolution", new ResolveEscalation("Appointment booked.")),
            System.Net.HttpStatusCode.OK);
        using var headOfService = Hub.CreateClient(Hub.Token("hos-1", HubRoles.HeadOfService, HubFactory.TenantA));
        ManualOpenEscalation = await RaiseAsync(headOfService, new(R2, N1, ManualReasonNamingThePerson, 3));
        await AnswerAsync((h3, LegStatusCodes.Accepted, Acceptance(h3, Housing, 480)));

        await Hub.ScanAtAsync(LastScan);
        await ReferAsync(pa, "Horatio", "Islingworth", new(2002, 10, 1), Dwp);
        ILegAnswer[] facts =
        [
            new CustodyReleasePlanned(Guid.NewGuid(), Y1, Yos, "YOS officer", LastScan, new(2027, 2, 20)),
            new TransitionToProbationDue(Guid.NewGuid(), Y1, Yos, "YOS officer", LastScan, new(2027, 3, 15)),
            new CustodyReleasePlanned(Guid.NewGuid(), PR1, Probation, "Probation officer", LastScan.AddHours(-1), new(2027, 3, 1)),
            new CustodyReleasePlanned(Guid.NewGuid(), PR1, Probation, "Probation officer", LastScan, new(2027, 6, 1)),
            new CustodyReleasePlanned(Guid.NewGuid(), Y2, Yos, "YOS officer", LastScan, new(2027, 1, 10)),
        ];
        for (var i = 0; i < facts.Length; i++)
        {
            // One at a time: the later report for a leg must be recorded after the earlier.
            await Hub.Bus.Publish(facts[i], facts[i].GetType());
            await Eventually.WaitAsync(() => Hub.QueryAsync(db => db.LegFacts.CountAsync()), count => count == i + 1, $"reported date {i + 1}");
        }
    }

    public virtual Task DisposeAsync() => Hub.DisposeAsync().AsTask();

    async Task<(YoungPersonDetails Person, ReferralAccepted Referral)> ReferAsync(HttpClient pa, string givenName, string familyName, DateOnly born, params string[] agencies)
    {
        Names.AddRange([givenName, familyName]);
        var person = await pa.RegisterYoungPersonAsync(NewYoungPerson(born) with { GivenName = givenName, FamilyName = familyName });
        // No health or practical skills need: adult social care's before-18 safeguard raises nothing, so the
        // escalations are the ones this scenario arranges.
        string[] sections = [Accommodation, EmotionalBehavioural, Eet, Justice];
        var plan = await pa.CreatePlanVersionAsync(person.Id, Plan(sections));
        return (person, await pa.MakeReferralAsync(Referral(person.Id, plan.Number, sections, agencies)));
    }

    static LegAcknowledged Acknowledgement(Guid leg, string agency, int hours) =>
        new(Guid.NewGuid(), leg, agency, $"{agency} worker", T0.AddHours(hours), null);

    static LegAccepted Acceptance(Guid leg, string agency, int hours) =>
        new(Guid.NewGuid(), leg, agency, $"{agency} worker", T0.AddHours(hours), "Taken on");

    /// <summary>Publishes the answers as the agencies would and waits until each leg has the status it should.</summary>
    async Task AnswerAsync(params (Guid Leg, string Status, ILegAnswer Answer)[] answers)
    {
        foreach (var (_, _, answer) in answers)
        {
            await Hub.Bus.Publish(answer, answer.GetType());
        }

        var legIds = answers.Select(a => a.Leg).ToList();
        await Eventually.WaitAsync(
            () => Hub.QueryAsync(db => db.Legs.Where(l => legIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Status)),
            statuses => answers.All(a => statuses.GetValueOrDefault(a.Leg) == a.Status),
            "the agencies' answers");
    }

    static async Task<Guid> RaiseAsync(HttpClient manager, RaiseEscalation escalation)
    {
        var response = await manager.PostAsJsonAsync("/api/escalations", escalation);
        await ExpectAsync(response, System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<EscalationSummary>())!.Id;
    }
}
