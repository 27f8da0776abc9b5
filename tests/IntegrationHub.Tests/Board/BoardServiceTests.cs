using IntegrationHub.Board;
using IntegrationHub.Outcomes;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Board;

/// <summary>The board service itself, as the board's API and its pages call it.</summary>
public class BoardServiceTests(HubFactory hub) : IClassFixture<HubFactory>
{
    static readonly HubUser BoardMember = new("board-1", "Test board-1", HubRoles.BoardMember, HubFactory.TenantA, Agency: null, Email: null);

    [Fact]
    public async Task A_window_out_of_range_is_invalid_after_what_the_request_already_got_wrong()
    {
        var errors = new FieldErrors();
        errors.Add("format", "'format' must be 'json' (the default) or 'csv'.");

        var outcome = await hub.CallAsync<BoardService, Outcome<TimelinessFigures>>(BoardMember, s => s.TimelinessAsync(BoardMember, 61, errors, default));

        Assert.Equal(["format", "months"], Assert.IsType<Outcome<TimelinessFigures>.Invalid>(outcome).Errors.ToDictionary().Keys);
    }

    [Fact]
    public async Task A_table_the_board_has_not_is_not_found_as_csv()
    {
        var outcome = await hub.CallAsync<BoardService, Outcome<BoardCsvFile>>(BoardMember, s => s.CsvAsync("names", new BoardQuery(), BoardMember, new FieldErrors(), default));

        Assert.IsType<Outcome<BoardCsvFile>.NotFound>(outcome);
    }

    [Fact]
    public async Task A_table_as_csv_is_named_for_the_table_and_its_day()
    {
        var outcome = await hub.CallAsync<BoardService, Outcome<BoardCsvFile>>(BoardMember, s => s.CsvAsync(BoardService.DeclinesTable, new BoardQuery(Months: 3), BoardMember, new FieldErrors(), default));

        var file = Assert.IsType<Outcome<BoardCsvFile>.Done>(outcome).Value;
        Assert.Matches(@"^board-declines-\d{4}-\d{2}-\d{2}\.csv$", file.FileName);
        Assert.StartsWith("agency,", System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_case_audits_the_read_under_its_purpose_and_a_short_purpose_reads_nothing()
    {
        using var pa = hub.PersonalAdviser();
        var (person, referral) = await pa.ReferAsync([Accommodation, Health, Eet, Financial], Housing);
        const string Purpose = "Checking the housing escalation before the board meets";

        var tooShort = await hub.CallAsync<BoardService, Outcome<CaseOpening>>(BoardMember, s => s.OpenCaseAsync(referral.Id, new OpenCase("Why"), BoardMember, default));
        var opened = await hub.CallAsync<BoardService, Outcome<CaseOpening>>(BoardMember, s => s.OpenCaseAsync(referral.Id, new OpenCase($"  {Purpose} "), BoardMember, default));

        Assert.Equal(["purpose"], Assert.IsType<Outcome<CaseOpening>.Invalid>(tooShort).Errors.ToDictionary().Keys);
        Assert.Equal(person.Id, Assert.IsType<Outcome<CaseOpening>.Done>(opened).Value.YoungPersonId);
        var audit = await hub.QueryAsync(db => db.Audit.Where(a => a.ResourceType == "board-case" && a.ActorId == BoardMember.Id).ToListAsync());
        Assert.Equal(Purpose, Assert.Single(audit).Basis);
    }
}
