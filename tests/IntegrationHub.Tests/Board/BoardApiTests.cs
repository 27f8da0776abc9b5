using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Board;
using IntegrationHub.Escalations;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Board;

/// <summary>The board's figures for the known data set of <see cref="BoardScenario"/> on SQLite, and who may see a name.</summary>
public sealed class BoardApiTests(BoardScenario scenario) : BoardKnownAnswers(scenario), IClassFixture<BoardScenario>;

/// <summary>
/// The board's known answers, for the data set of a <see cref="BoardScenario"/> on any database: the SQL that computes
/// them differs by provider, so each runs these (PostgreSQL's in the integration tests).
/// </summary>
public abstract class BoardKnownAnswers(BoardScenario scenario)
{
    static readonly string[] BoardPaths =
    [
        "/api/board/escalations",
        "/api/board/timeliness",
        "/api/board/declines",
        "/api/board/upcoming",
        "/api/board/upcoming?days=366",
        "/api/board/trend",
        "/api/board/trend?months=60",
    ];

    HttpClient BoardMember(string tenantId = HubFactory.TenantA, string userId = "board-1") =>
        scenario.Hub.CreateClient(scenario.Hub.Token(userId, HubRoles.BoardMember, tenantId));

    static List<Tally> Tallies(params (string Key, int Count)[] tallies) => [.. tallies.Select(t => new Tally(t.Key, t.Count))];

    Task<List<AuditEntry>> BoardCaseAuditAsync(string actorId) =>
        scenario.Hub.QueryAsync(db => db.Audit.Where(a => a.ResourceType == "board-case" && a.ActorId == actorId).ToListAsync());

    [Fact]
    public async Task Open_escalations_are_counted_by_level_theme_agency_and_age_band_with_case_references()
    {
        using var board = BoardMember();

        var figures = (await board.GetFromJsonAsync<EscalationFigures>("/api/board/escalations"))!;

        Assert.Equal(BoardScenario.Today, figures.AsOf);
        Assert.Equal(6, figures.Open);
        Assert.Equal(Tallies(("1", 3), ("2", 1), ("3", 2)), figures.ByLevel);
        Assert.Equal(Tallies(("housing", 2), ("health", 2), ("eet", 0), ("justice", 2)), figures.ByTheme);
        Assert.Equal(Tallies((Housing, 2), (Nhs, 2), (Dwp, 0), (Probation, 0), (Yos, 2), (AdultSocialCare, 0)), figures.ByAgency);
        Assert.Equal(Tallies(("16-17", 3), ("18-20", 2), ("21-25", 1), ("other", 0)), figures.ByAgeBand);
        var s = scenario;
        (Guid, Guid, int, string)[] expected =
        [
            (s.R1, s.H1, 2, EscalationReasons.NoAcknowledgement),
            (s.R3, s.H2, 3, EscalationReasons.UnacceptableDecline),
            (s.R2, s.N1, 3, EscalationReasons.RaisedByManager),
            (s.R2, s.N1, 1, EscalationReasons.NoDecision),
            (s.R4, s.Y1, 1, EscalationReasons.NoDecision),
            (s.R6, s.Y2, 1, EscalationReasons.NoDecision),
        ];
        Assert.Equal(expected.Order(), figures.Cases.Select(c => (c.ReferralId!.Value, c.LegId!.Value, c.Level, c.ReasonCode)).Order());
        Assert.Equal([3, 3, 2, 1, 1, 1], figures.Cases.Select(c => c.Level));
        Assert.Contains(figures.Cases, c => c.EscalationId == s.ManualOpenEscalation && c.Owner == "board-champion:health");
    }

    [Fact]
    public async Task Open_escalations_page_through_their_cases_most_urgent_first_and_audit_only_the_page_read()
    {
        using var board = BoardMember(userId: "board-pager");
        var all = (await board.GetFromJsonAsync<EscalationFigures>("/api/board/escalations"))!;

        var second = (await board.GetFromJsonAsync<EscalationFigures>("/api/board/escalations?page=2&pageSize=4"))!;

        Assert.Equal((6, 2, 4), (second.Open, second.Page, second.PageSize));
        Assert.Equal(all.ByLevel.Concat(all.ByTheme).Concat(all.ByAgency).Concat(all.ByAgeBand), second.ByLevel.Concat(second.ByTheme).Concat(second.ByAgency).Concat(second.ByAgeBand));
        Assert.Equal(all.Cases.Skip(4), second.Cases);
        Assert.Equal([1, 1], second.Cases.Select(c => c.Level));
        var audited = await scenario.Hub.QueryAsync(db => db.Audit.Where(a => a.ResourceType == "board-escalation" && a.ActorId == "board-pager").Select(a => a.ResourceId).ToListAsync());
        Assert.Equal(all.Cases.Select(c => c.EscalationId.ToString()).Concat(second.Cases.Select(c => c.EscalationId.ToString())).Order(), audited.Order());
        Assert.Empty((await board.GetFromJsonAsync<EscalationFigures>("/api/board/escalations?page=3&pageSize=4"))!.Cases);
    }

    [Fact]
    public async Task Upcoming_events_are_counted_by_kind_and_paged_in_date_order()
    {
        using var board = BoardMember();
        var s = scenario;

        var second = (await board.GetFromJsonAsync<UpcomingFigures>("/api/board/upcoming?page=2&pageSize=2"))!;

        Assert.Equal((3, 2, 2), (second.Total, second.Page, second.PageSize));
        Assert.Equal([new UpcomingEvent(new(2027, 3, 15), UpcomingKinds.TransitionToProbationDue, Yos, s.R4, s.Y1, s.P4.Id)], second.Events);
        Assert.Equal(
            Tallies((UpcomingKinds.CustodyReleasePlanned, 1), (UpcomingKinds.TransitionToProbationDue, 1), (UpcomingKinds.EighteenthBirthday, 1)),
            second.ByKind);
    }

    [Fact]
    public async Task Another_local_authoritys_board_sees_only_its_own_escalations()
    {
        using var board = BoardMember(HubFactory.TenantB, "board-b");

        var figures = (await board.GetFromJsonAsync<EscalationFigures>("/api/board/escalations"))!;

        Assert.Equal(1, figures.Open);
        Assert.Equal(Tallies(("1", 0), ("2", 1), ("3", 0)), figures.ByLevel);
        Assert.Equal(Tallies(("16-17", 0), ("18-20", 1), ("21-25", 0), ("other", 0)), figures.ByAgeBand);
        Assert.Equal(scenario.RB, Assert.Single(figures.Cases).ReferralId);
        var declines = (await board.GetFromJsonAsync<DeclineFigures>("/api/board/declines"))!;
        Assert.Equal(0, declines.Total);
    }

    [Fact]
    public async Task Timeliness_gives_each_agencys_medians_and_share_decided_within_sla()
    {
        using var board = BoardMember();

        var figures = (await board.GetFromJsonAsync<TimelinessFigures>("/api/board/timeliness"))!;

        Assert.Equal(BoardScenario.LastScan, figures.AsOf);
        Assert.Contains("undecided leg past its deadline counts as not within SLA", figures.SlaRule, StringComparison.Ordinal);
        Assert.Equal(
            [
                // Housing: H2 declined in 2 h; H3 acknowledged in 20 h, accepted on 7 January after its deadline (end of 6 January); H1 unanswered.
                new AgencyTimeliness(Housing, 3, 2, 11.0, 0.5, 2, 241.0, 10.0, 1, 1, 1, 33.3),
                new AgencyTimeliness(Nhs, 2, 2, 48.0, 2.0, 1, 48.0, 2.0, 1, 0, 1, 50.0),

                // D4 was made today: undecided but within its SLA, so not counted.
                new AgencyTimeliness(Dwp, 4, 3, 36.0, 1.5, 3, 36.0, 1.5, 3, 0, 0, 100.0),
                new AgencyTimeliness(Probation, 1, 1, 48.0, 2.0, 1, 72.0, 3.0, 1, 0, 0, 100.0),
                new AgencyTimeliness(Yos, 3, 3, 24.0, 1.0, 1, 12.0, 0.5, 1, 0, 2, 33.3),
                new AgencyTimeliness(AdultSocialCare, 0, 0, null, null, 0, null, null, 0, 0, 0, null),
            ],
            figures.Agencies);
    }

    [Fact]
    public async Task Declines_are_counted_by_agency_and_reason()
    {
        using var board = BoardMember();

        var figures = (await board.GetFromJsonAsync<DeclineFigures>("/api/board/declines"))!;

        Assert.Equal(4, figures.Total);
        Assert.Equal(
            [new DeclineCount(Dwp, "already-supported", 2), new DeclineCount(Housing, "intentionally-homeless", 1), new DeclineCount(Yos, "not-open-to-yos", 1)],
            figures.Declines);
        Assert.Equal(Tallies((Housing, 1), (Nhs, 0), (Dwp, 2), (Probation, 0), (Yos, 1), (AdultSocialCare, 0)), figures.ByAgency);
    }

    [Fact]
    public async Task Upcoming_lists_releases_transitions_and_eighteenth_birthdays_as_case_references()
    {
        using var board = BoardMember();
        var s = scenario;

        var figures = (await board.GetFromJsonAsync<UpcomingFigures>("/api/board/upcoming"))!;

        Assert.Equal((BoardScenario.Today, new DateOnly(2027, 4, 14), new DateOnly(2027, 7, 14)), (figures.From, figures.To, figures.BirthdaysTo));

        // Not listed: PR1's release (re-reported from 1 March to 1 June), Y2's past release, Florian's 18th in September,
        // Genevieve's 18th (her YOS leg was declined) and Aurelia's 18th (not open to the YOS).
        Assert.Equal(
            [
                new UpcomingEvent(new(2027, 2, 20), UpcomingKinds.CustodyReleasePlanned, Yos, s.R4, s.Y1, s.P4.Id),
                new UpcomingEvent(new(2027, 3, 15), UpcomingKinds.EighteenthBirthday, Yos, s.R4, s.Y1, s.P4.Id),
                new UpcomingEvent(new(2027, 3, 15), UpcomingKinds.TransitionToProbationDue, Yos, s.R4, s.Y1, s.P4.Id),
            ],
            figures.Events);

        var further = (await board.GetFromJsonAsync<UpcomingFigures>("/api/board/upcoming?days=180"))!;
        Assert.Equal(
            [new DateOnly(2027, 2, 20), new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 15), new DateOnly(2027, 6, 1)],
            further.Events.Select(e => e.Date));
        Assert.Equal((Probation, s.PR1), (further.Events[^1].Agency, further.Events[^1].LegId));
    }

    [Fact]
    public async Task Trend_counts_each_calendar_month()
    {
        using var board = BoardMember();

        var figures = (await board.GetFromJsonAsync<TrendFigures>("/api/board/trend?months=12"))!;

        Assert.Equal("Europe/London", figures.TimeZone);
        Assert.Equal(12, figures.Months.Count);
        Assert.Equal("2026-02", figures.Months[0].Month);
        Assert.All(figures.Months.Take(10), m => Assert.Equal((0, 0, 0, 0), (m.ReferralsMade, m.LegsDecided, m.EscalationsRaised, m.EscalationsResolved)));
        Assert.Equal(new TrendMonth("2026-12", 7, 7, 4, 1), figures.Months[10]);
        Assert.Equal(new TrendMonth("2027-01", 1, 1, 3, 0), figures.Months[11]);

        var two = (await board.GetFromJsonAsync<TrendFigures>("/api/board/trend?months=2"))!;
        Assert.Equal(figures.Months.Skip(10), two.Months);
    }

    /// <summary>
    /// The legs written before the migration BoardAtScale have its empty tenant id and no answer times: the data step
    /// after the migrations fills them from their referrals and timelines with what the hub itself would have recorded.
    /// </summary>
    [Fact]
    public async Task Legs_from_before_the_board_columns_are_filled_from_their_referral_and_timeline()
    {
        var recorded = await LegBoardColumnsAsync();
        Assert.Contains(recorded, l => l.AcknowledgedAt is not null);
        Assert.Contains(recorded, l => l.DecidedAt is not null);

        await scenario.Hub.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE legs SET \"TenantId\" = '', \"ReferralMadeAt\" = \"UpdatedAt\", \"AcknowledgedAt\" = NULL, \"DecidedAt\" = NULL"));
        var filled = await scenario.Hub.QueryAsync(db => LegBoardColumns.FillAsync(db, default));

        Assert.Equal(recorded.Count, filled);
        Assert.Equal(recorded, await LegBoardColumnsAsync());
        Assert.Equal(0, await scenario.Hub.QueryAsync(db => LegBoardColumns.FillAsync(db, default)));
    }

    async Task<List<(Guid Id, string TenantId, DateTimeOffset MadeAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? DecidedAt)>> LegBoardColumnsAsync() =>
        [.. (await scenario.Hub.QueryAsync(db => db.Legs.IgnoreQueryFilters()
            .Select(l => new { l.Id, l.TenantId, l.ReferralMadeAt, l.AcknowledgedAt, l.DecidedAt }).ToListAsync()))
            .Select(l => (l.Id, l.TenantId, l.ReferralMadeAt, l.AcknowledgedAt, l.DecidedAt)).OrderBy(l => l.Id)];

    /// <summary>
    /// The board's SQL works out UK dates itself (SQLite's by the written-out British Summer Time rule): around each
    /// clock change a late-evening UTC time falls on the UK date that .NET gives it.
    /// </summary>
    [Theory]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-28")]
    [InlineData("2026-03-29T00:59:59Z", "2026-03-29")]
    [InlineData("2026-03-29T23:30:00Z", "2026-03-30")]
    [InlineData("2026-05-31T23:00:00Z", "2026-06-01")]
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T00:59:59Z", "2026-10-25")]
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")]
    [InlineData("2026-12-31T23:59:59Z", "2026-12-31")]
    [InlineData("2027-03-28T23:30:00Z", "2027-03-29")]
    public async Task Sql_gives_a_time_the_uk_date_of_british_summer_time(string at, string ukDate)
    {
        var time = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var london = TimeZoneInfo.FindSystemTimeZoneById(BoardFigures.TimeZone);
        Assert.Equal(ukDate, TimeZoneInfo.ConvertTime(time, london).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        var date = await scenario.Hub.QueryAsync(db =>
        {
            var sql = BoardSql.For(db);
            var dateSql = $"SELECT {sql.UkDate("{0}")} AS \"Value\"";
            return db.Database.SqlQueryRaw<DateOnly>(dateSql, sql.Time(time)).SingleAsync();
        });

        Assert.Equal(DateOnly.Parse(ukDate, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public async Task Each_table_exports_as_csv_with_a_header_row()
    {
        using var board = BoardMember();
        var s = scenario;

        async Task<string[]> CsvAsync(string path)
        {
            var response = await board.GetAsync(path);
            await ExpectAsync(response, HttpStatusCode.OK);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            var body = await response.Content.ReadAsStringAsync();
            Assert.EndsWith("\r\n", body, StringComparison.Ordinal);
            return body[..^2].Split("\r\n");
        }

        var escalations = await CsvAsync("/api/board/escalations?format=csv");
        Assert.Equal("dimension,key,count", escalations[0]);
        Assert.Equal(["level,1,3", "level,2,1", "level,3,2"], escalations[1..4]);
        Assert.Contains("theme,justice,2", escalations);
        Assert.Contains("agency,yos,2", escalations);
        Assert.Contains("age-band,16-17,3", escalations);
        Assert.Equal(1 + 3 + 4 + 6 + 4, escalations.Length);

        Assert.Equal(
            [
                "agency,legs,acknowledged,median_hours_to_acknowledge,median_days_to_acknowledge,decided,median_hours_to_decide,median_days_to_decide,decided_within_sla,decided_late,undecided_past_deadline,within_sla_percent",
                "housing,3,2,11.0,0.5,2,241.0,10.0,1,1,1,33.3",
                "nhs,2,2,48.0,2.0,1,48.0,2.0,1,0,1,50.0",
                "dwp,4,3,36.0,1.5,3,36.0,1.5,3,0,0,100.0",
                "probation,1,1,48.0,2.0,1,72.0,3.0,1,0,0,100.0",
                "yos,3,3,24.0,1.0,1,12.0,0.5,1,0,2,33.3",
                "adult-social-care,0,0,,,0,,,0,0,0,",
            ],
            await CsvAsync("/api/board/timeliness?format=csv"));

        Assert.Equal(
            ["agency,reason_code,count", "dwp,already-supported,2", "housing,intentionally-homeless,1", "yos,not-open-to-yos,1"],
            await CsvAsync("/api/board/declines?format=csv"));

        Assert.Equal(
            [
                "date,kind,agency,referral_id,leg_id,young_person_id",
                $"2027-02-20,custody-release-planned,yos,{s.R4},{s.Y1},{s.P4.Id}",
                $"2027-03-15,eighteenth-birthday,yos,{s.R4},{s.Y1},{s.P4.Id}",
                $"2027-03-15,transition-to-probation-due,yos,{s.R4},{s.Y1},{s.P4.Id}",
            ],
            await CsvAsync("/api/board/upcoming?format=csv"));

        Assert.Equal(
            ["month,referrals_made,legs_decided,escalations_raised,escalations_resolved", "2026-12,7,7,4,1", "2027-01,1,1,3,0"],
            await CsvAsync("/api/board/trend?months=2&format=csv"));
    }

    [Fact]
    public async Task Board_member_without_a_recorded_purpose_never_sees_a_name()
    {
        using var board = BoardMember(userId: "board-no-purpose");

        foreach (var path in BoardPaths.SelectMany(p => new[] { p, p + (p.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "format=csv" }))
        {
            var response = await board.GetAsync(path);
            await ExpectAsync(response, HttpStatusCode.OK);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var name in scenario.Names)
            {
                Assert.False(body.Contains(name, StringComparison.OrdinalIgnoreCase), $"{path} names '{name}': {body}");
            }
        }

        // The escalation a head of service raised names the young person in its reason: the board sees its reason code only.
        var escalations = await board.GetStringAsync("/api/board/escalations");
        Assert.DoesNotContain(BoardScenario.ManualReasonNamingThePerson, escalations, StringComparison.Ordinal);
        Assert.Contains(scenario.ManualOpenEscalation.ToString(), escalations, StringComparison.Ordinal);
        Assert.Empty(await BoardCaseAuditAsync("board-no-purpose"));
    }

    [Fact]
    public async Task Opening_a_case_with_a_purpose_shows_the_name_and_is_audited_with_the_purpose()
    {
        using var board = BoardMember(userId: "board-opener");
        const string purpose = "Level 3 escalation on the CAMHS referral: preparing the champion's call with the ICB.";

        var response = await board.PostAsJsonAsync($"/api/board/cases/{scenario.R2}/openings", new OpenCase(purpose));

        await ExpectAsync(response, HttpStatusCode.OK);
        var opening = (await response.Content.ReadFromJsonAsync<CaseOpening>())!;
        Assert.Equal((scenario.R2, scenario.P2.Id, "Bartholomew", "Cressingham", 19, purpose), (opening.ReferralId, opening.YoungPersonId, opening.GivenName, opening.FamilyName, opening.Age, opening.Purpose));
        Assert.Equal([Dwp, Nhs], opening.Referral.Legs.Select(l => l.Agency));
        Assert.Contains(opening.Referral.Timeline, t => t.LegId == scenario.N1 && t.Kind == "escalation-raised");

        var entry = Assert.Single(await BoardCaseAuditAsync("board-opener"));
        Assert.Equal(
            ("read", HubRoles.BoardMember, HubFactory.TenantA, scenario.R2.ToString(), scenario.P2.Id, purpose),
            (entry.Action, entry.ActorRole, entry.TenantId, entry.ResourceId, entry.YoungPersonId, entry.Basis));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("Curious.")]
    public async Task Opening_a_case_needs_a_purpose_of_10_to_500_characters(string? purpose)
    {
        using var board = BoardMember(userId: "board-no-reason");

        await ExpectFieldErrorAsync(await board.PostAsJsonAsync($"/api/board/cases/{scenario.R2}/openings", new OpenCase(purpose)), "purpose");
        await ExpectFieldErrorAsync(await board.PostAsJsonAsync($"/api/board/cases/{scenario.R2}/openings", new OpenCase(new string('x', 501))), "purpose");

        Assert.Empty(await BoardCaseAuditAsync("board-no-reason"));
    }

    [Fact]
    public async Task Case_of_another_local_authority_or_unknown_is_not_found()
    {
        using var otherBoard = BoardMember(HubFactory.TenantB, "board-b-opener");
        var request = new OpenCase("Checking the cross-border housing escalation.");

        await ExpectAsync(await otherBoard.PostAsJsonAsync($"/api/board/cases/{scenario.R2}/openings", request), HttpStatusCode.NotFound);
        await ExpectAsync(await otherBoard.PostAsJsonAsync($"/api/board/cases/{Guid.NewGuid()}/openings", request), HttpStatusCode.NotFound);

        Assert.Empty(await BoardCaseAuditAsync("board-b-opener"));
    }

    [Fact]
    public async Task Managers_see_the_board_and_others_do_not()
    {
        using var teamManager = scenario.Hub.CreateClient(scenario.Hub.Token("tm-board", HubRoles.TeamManager, HubFactory.TenantA));
        using var headOfService = scenario.Hub.CreateClient(scenario.Hub.Token("hos-board", HubRoles.HeadOfService, HubFactory.TenantA));
        using var pa = scenario.Hub.PersonalAdviser();
        using var agency = scenario.Hub.AgencyWorker(Housing);
        using var anonymous = scenario.Hub.CreateClient();
        var opening = new OpenCase("Reviewing the housing decline before the board meeting.");

        await ExpectAsync(await teamManager.GetAsync("/api/board/escalations"), HttpStatusCode.OK);
        await ExpectAsync(await headOfService.GetAsync("/api/board/trend"), HttpStatusCode.OK);
        foreach (var path in BoardPaths)
        {
            await ExpectAsync(await pa.GetAsync(path), HttpStatusCode.Forbidden);
            await ExpectAsync(await agency.GetAsync(path), HttpStatusCode.Forbidden);
            await ExpectAsync(await anonymous.GetAsync(path), HttpStatusCode.Unauthorized);
        }

        await ExpectAsync(await pa.PostAsJsonAsync($"/api/board/cases/{scenario.R3}/openings", opening), HttpStatusCode.Forbidden);
        Assert.Empty(await scenario.Hub.QueryAsync(db => db.Audit.Where(a => a.ResourceType == "board-case" && a.ActorRole == HubRoles.PersonalAdviser).ToListAsync()));
    }

    [Theory]
    [InlineData("/api/board/escalations?format=xlsx", "format")]
    [InlineData("/api/board/upcoming?days=0", "days")]
    [InlineData("/api/board/upcoming?days=400", "days")]
    [InlineData("/api/board/trend?months=0", "months")]
    [InlineData("/api/board/timeliness?months=61", "months")]
    [InlineData("/api/board/declines?months=-1", "months")]
    [InlineData("/api/board/escalations?page=0", "page")]
    [InlineData("/api/board/escalations?pageSize=501", "pageSize")]
    [InlineData("/api/board/upcoming?page=100001", "page")]
    [InlineData("/api/board/upcoming?pageSize=0&format=csv", "pageSize")]
    public async Task Bad_query_is_a_problem_naming_the_parameter(string path, string field)
    {
        using var board = BoardMember();

        await ExpectFieldErrorAsync(await board.GetAsync(path), field);
    }
}
