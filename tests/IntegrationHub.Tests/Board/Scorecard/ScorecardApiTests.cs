using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Board;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Security;
using static IntegrationHub.Board.Scorecard.ScorecardRows;
using static IntegrationHub.Board.Scorecard.ScorecardStatuses;

namespace IntegrationHub.Tests.Board.Scorecard;

/// <summary>The scorecard's known answers for the data set of <see cref="ScorecardScenario"/> on SQLite.</summary>
public sealed class ScorecardApiTests(ScorecardScenario scenario) : ScorecardKnownAnswers(scenario), IClassFixture<ScorecardScenario>;

/// <summary>
/// The scorecard's known answers, for the data set of a <see cref="ScorecardScenario"/> on any database: the SQL that
/// computes them differs by provider, so each runs these (PostgreSQL's in the integration tests).
/// </summary>
public abstract class ScorecardKnownAnswers(ScorecardScenario scenario)
{
    static readonly string Query = $"/api/board/scorecard?asOf={ScorecardScenario.AsOf:yyyy-MM-dd}&months={ScorecardScenario.Months}";

    HttpClient BoardMember(string tenantId = HubFactory.TenantA) =>
        scenario.Hub.CreateClient(scenario.Hub.Token("board-1", HubRoles.BoardMember, tenantId));

    async Task<ScorecardFigures> ScorecardAsync(string tenantId = HubFactory.TenantA)
    {
        using var board = BoardMember(tenantId);
        return (await board.GetFromJsonAsync<ScorecardFigures>(Query))!;
    }

    static ScorecardRow Row(ScorecardFigures figures, string key) => figures.Rows.Single(r => r.Key == key);

    /// <summary>A row's figure: count of out-of, value, status, the previous period's value and the change.</summary>
    static void AssertFigure(ScorecardRow row, int count, int? outOf, double? value, string status, double? previous, double? change)
    {
        Assert.Equal((count, outOf, value, status, previous, change), (row.Count, row.OutOf, row.Value, row.Status, row.Previous, row.Change));
    }

    /// <summary>The 16-17, 18-20, 21-25 and other bands' counts of out-of.</summary>
    static void AssertBands(ScorecardRow row, params (int Count, int OutOf)[] bands)
    {
        Assert.Equal(AgeBands.All, row.ByAgeBand.Select(b => b.Band));
        Assert.Equal(bands, row.ByAgeBand.Select(b => (b.Count, b.OutOf)));
    }

    [Fact]
    public async Task The_scorecard_has_every_row_in_order_over_the_period_and_the_one_before()
    {
        var figures = await ScorecardAsync();

        Assert.Equal(ScorecardScenario.AsOf, figures.AsOf);
        Assert.Equal(new DateOnly(2026, 6, 2), figures.From);
        Assert.Equal(new DateOnly(2025, 12, 2), figures.PreviousFrom);
        Assert.Equal(ScorecardRows.All.Select(r => r.Key), figures.Rows.Select(r => r.Key));
    }

    [Fact]
    public async Task Suitable_accommodation_at_19_to_21_counts_each_latest_plan_version_by_the_day_with_no_plan_as_not_known()
    {
        var row = Row(await ScorecardAsync(), SuitableAccommodation);

        // Now A1 (yes; the December version is after the day), A2 (no), A3 (yes), A4 (no plan); before, A1, A2, A5 yes, A4 not.
        AssertFigure(row, 2, 4, 50.0, Red, 75.0, -25.0);
        AssertBands(row, (0, 0), (2, 2), (0, 2), (0, 0));
        Assert.Equal(new ScorecardTarget(90, 5, ScorecardDirections.Higher), row.Target);
        Assert.Equal(new NationalFigure(85, "2019", NationalFigures.NineteenToTwentyOne, "Children looked after in England including adoptions, reporting year 2019, England"), row.National);
        Assert.Equal(ScorecardScenario.HousingChampion, row.Champion);
    }

    [Fact]
    public async Task Eet_at_19_to_21_is_against_the_local_authoritys_own_target_and_amber_within_its_tolerance()
    {
        var row = Row(await ScorecardAsync(), Eet);

        AssertFigure(row, 3, 4, 75.0, Amber, 25.0, 50.0);
        AssertBands(row, (0, 0), (2, 2), (1, 2), (0, 0));
        Assert.Equal(new ScorecardTarget(ScorecardScenario.OwnEetTarget, 5, ScorecardDirections.Higher), row.Target);
        Assert.Null(row.National);
        Assert.Null(row.Champion);
    }

    [Fact]
    public async Task Housing_duties_accepted_are_of_the_housing_legs_decided_in_the_period()
    {
        var row = Row(await ScorecardAsync(), HousingDutiesAccepted);

        AssertFigure(row, 2, 3, 66.7, Red, 50.0, 16.7);
        AssertBands(row, (0, 0), (2, 2), (0, 1), (0, 0));
    }

    [Fact]
    public async Task Declines_for_intentional_homelessness_or_no_local_connection_are_red_at_one_against_a_target_of_none()
    {
        var row = Row(await ScorecardAsync(), HousingUnacceptableDeclines);

        AssertFigure(row, 1, 3, 1, Red, 0, 1);
        AssertBands(row, (0, 0), (0, 2), (1, 1), (0, 0));
        Assert.Equal(new ScorecardTarget(0, 0, ScorecardDirections.Lower), row.Target);
    }

    [Fact]
    public async Task Days_to_a_housing_decision_is_the_median_of_the_period_with_no_age_bands()
    {
        var row = Row(await ScorecardAsync(), HousingDaysToDecision);

        // 7, 10 and 20 days now; 4 and 2 before, whose median is their mean.
        AssertFigure(row, 3, null, 10.0, Green, 3.0, 7.0);
        Assert.Empty(row.ByAgeBand);
    }

    [Fact]
    public async Task A_sanction_counts_as_applied_without_the_pa_when_they_answered_after_its_uk_start_date_or_not_at_all()
    {
        var row = Row(await ScorecardAsync(), SanctionsWithoutPa);

        // A1's (never answered) and A3's (answered at 23:30 UTC on its start date, the next day in the UK); not A2's, nor A1's in December.
        AssertFigure(row, 2, 3, 2, Red, 1, 1);
        AssertBands(row, (0, 0), (2, 2), (0, 1), (0, 0));
    }

    [Fact]
    public async Task Camhs_transitions_count_those_who_turned_18_with_an_adult_mental_health_leg_accepted_before()
    {
        var row = Row(await ScorecardAsync(), CamhsTransitions);

        // A7 (accepted in July, 18 in August) but not A9 (accepted after turning 18); before, A8.
        AssertFigure(row, 1, 2, 50.0, Red, 100.0, -50.0);
        AssertBands(row, (0, 0), (1, 2), (0, 0), (0, 0));
    }

    [Fact]
    public async Task Nhs_legs_decided_within_sla_are_of_the_nhs_legs_decided_in_the_period()
    {
        var row = Row(await ScorecardAsync(), NhsWithinSla);

        AssertFigure(row, 1, 3, 33.3, Red, 100.0, -66.7);
        AssertBands(row, (0, 0), (1, 3), (0, 0), (0, 0));
    }

    [Fact]
    public async Task A_custody_release_counts_at_its_latest_date_with_a_housing_leg_accepted_28_days_before()
    {
        var row = Row(await ScorecardAsync(), ReleasesWithAccommodation);

        // A1's (re-reported from May to August; housing accepted 24 days before) and A3's (accepted 41 days before); not A6's cancelled leg.
        AssertFigure(row, 1, 2, 50.0, Red, 100.0, -50.0);
        AssertBands(row, (0, 0), (1, 2), (0, 0), (0, 0));
    }

    [Fact]
    public async Task Two_trusted_adults_counts_young_people_of_16_to_25()
    {
        var row = Row(await ScorecardAsync(), TwoTrustedAdults);

        AssertFigure(row, 4, 9, 44.4, Red, 33.3, 11.1);
        AssertBands(row, (1, 1), (1, 5), (2, 3), (0, 0));
    }

    [Fact]
    public async Task Escalations_resolved_in_time_are_those_resolved_by_their_due_time_in_the_period()
    {
        var row = Row(await ScorecardAsync(), EscalationsResolvedInTime);

        AssertFigure(row, 2, 3, 66.7, Red, 0.0, 66.7);
        AssertBands(row, (1, 1), (1, 1), (0, 1), (0, 0));
        Assert.Equal(ScorecardScenario.CorporateParentingChampion, row.Champion);
    }

    [Fact]
    public async Task Board_actions_overdue_are_of_those_still_open_when_each_period_closed()
    {
        var row = Row(await ScorecardAsync(), BoardActionsOverdue);

        AssertFigure(row, 1, 2, 1, Red, 1, 0);
        AssertBands(row, (0, 0), (1, 2), (0, 0), (0, 0));
        Assert.Equal(ScorecardScenario.CorporateParentingChampion, row.Champion);
    }

    [Fact]
    public async Task A_young_person_is_counted_only_in_the_periods_that_ended_after_the_hub_knew_them()
    {
        var figures = await ScorecardAsync(ScorecardScenario.NewTenant);

        AssertFigure(Row(figures, SuitableAccommodation), 1, 1, 100.0, Green, null, null);
        AssertFigure(Row(figures, TwoTrustedAdults), 1, 1, 100.0, Green, null, null);
    }

    [Fact]
    public async Task Another_local_authority_sees_only_its_own_figures()
    {
        var figures = await ScorecardAsync(HubFactory.TenantB);

        AssertFigure(Row(figures, SuitableAccommodation), 1, 1, 100.0, Green, 0, 100.0);
        AssertFigure(Row(figures, HousingDutiesAccepted), 1, 1, 100.0, Green, null, null);
        AssertFigure(Row(figures, EscalationsResolvedInTime), 1, 1, 100.0, Green, null, null);
        AssertFigure(Row(figures, BoardActionsOverdue), 1, 1, 1, Red, 0, 1);
        Assert.All(figures.Rows, r => Assert.Null(r.Champion));
    }

    [Fact]
    public async Task An_empty_local_authority_has_every_row_with_nothing_counted_and_no_percentage_of_no_one()
    {
        var figures = await ScorecardAsync(ScorecardScenario.EmptyTenant);

        Assert.Equal(ScorecardRows.All.Select(r => r.Key), figures.Rows.Select(r => r.Key));
        Assert.All(figures.Rows.Where(r => r.Unit == ScorecardUnits.Percent), r => AssertFigure(r, 0, 0, null, NoData, null, null));
        Assert.All(figures.Rows.Where(r => r.Unit == ScorecardUnits.Count), r => AssertFigure(r, 0, 0, 0, Green, 0, 0));
        AssertFigure(Row(figures, HousingDaysToDecision), 0, null, null, NoData, null, null);
        Assert.All(figures.Rows.Where(r => r.Unit != ScorecardUnits.Days), r => Assert.All(r.ByAgeBand, b => Assert.Equal((0, 0), (b.Count, b.OutOf))));
    }

    [Fact]
    public async Task As_csv_the_scorecard_has_a_line_per_row_then_one_per_age_band_named_for_its_day()
    {
        using var board = BoardMember();

        var response = await board.GetAsync($"{Query}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BoardCsv.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal("board-scorecard-2026-12-01.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "key,title,theme,unit,age_band,count,out_of,value,target,tolerance,direction,status,previous,change,national,national_year,champion,from,as_of",
            lines[0]);
        Assert.Equal(1 + (ScorecardRows.All.Count * (1 + AgeBands.All.Count)) - AgeBands.All.Count, lines.Length);
        Assert.Contains(
            "eet-19-21,\"Care leavers aged 19 to 21 in education, employment or training\",eet,percent,all,3,4,75.0,80.0,5.0,higher-is-better,amber,25.0,50.0,,,,2026-06-02,2026-12-01",
            lines);
        Assert.Contains(
            "suitable-accommodation-19-21,Care leavers aged 19 to 21 in suitable accommodation,housing,percent,21-25,0,2,0.0,90.0,5.0,higher-is-better,red,75.0,-25.0,85.0,2019,Cllr Ada Okafor,2026-06-02,2026-12-01",
            lines);
        Assert.Contains(
            "housing-days-to-decision,Days to a housing decision (median),housing,days,all,3,,10.0,14.0,3.0,lower-is-better,green,3.0,7.0,,,Cllr Ada Okafor,2026-06-02,2026-12-01",
            lines);
    }

    [Theory]
    [InlineData("asOf=2026-13-01", "asOf")]
    [InlineData("asOf=1%20December", "asOf")]
    [InlineData("asOf=2099-01-01", "asOf")]
    [InlineData("asOf=2023-06-30", "asOf")]
    [InlineData("months=0", "months")]
    [InlineData("months=61", "months")]
    [InlineData("format=xml", "format")]
    [InlineData("format=csv&asOf=2026-02-30", "asOf")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string query, string field)
    {
        using var board = BoardMember();

        var response = await board.GetAsync($"/api/board/scorecard?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!;
        Assert.Equal([field], problem.Errors.Keys);
    }
}
