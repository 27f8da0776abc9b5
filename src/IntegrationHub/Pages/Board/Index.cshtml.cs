using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Board;
using IntegrationHub.Board.Scorecard;
using IntegrationHub.Outcomes;
using IntegrationHub.Pages.Shared;
using IntegrationHub.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Pages.Board;

/// <summary>
/// The board's dashboard for the caller's local authority: the figures of the board's API, from the same service
/// with the same query parameters, so the page, its CSV downloads and the API always agree.
/// </summary>
public sealed class DashboardModel(BoardService board) : HubPageModel
{
    static readonly int[] MonthChoices = [1, 3, 6, 12, 24, 36, 60];
    static readonly int[] DayChoices = [30, 60, 90, 180, 366];

    /// <summary>The window of the timeliness, declines and trend figures; null keeps the API's default.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Months { get; set; }

    /// <summary>How far ahead releases and transitions are listed; null keeps the API's default.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    public ScorecardFigures? Scorecard { get; private set; }

    public EscalationFigures? Escalations { get; private set; }

    public TimelinessFigures? Timeliness { get; private set; }

    public DeclineFigures? Declines { get; private set; }

    public UpcomingFigures? Upcoming { get; private set; }

    public TrendFigures? Trend { get; private set; }

    public IEnumerable<int> MonthOptions => Options(MonthChoices, Months);

    public IEnumerable<int> DayOptions => Options(DayChoices, Days);

    public int ShownMonths => Months ?? BoardService.DefaultMonths;

    public int ShownDays => Days ?? BoardService.DefaultDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Scorecard = Figures(await board.ScorecardAsync(Caller, null, Months, new FieldErrors(), cancellationToken));
        Escalations = Figures(await board.EscalationCountsAsync(Caller, new FieldErrors(), cancellationToken));
        Timeliness = Figures(await board.TimelinessAsync(Caller, Months, new FieldErrors(), cancellationToken));
        Declines = Figures(await board.DeclinesAsync(Caller, Months, new FieldErrors(), cancellationToken));
        Upcoming = Figures(await board.UpcomingAsync(Caller, Days, null, null, new FieldErrors(), cancellationToken));
        Trend = Figures(await board.TrendAsync(Caller, Months, new FieldErrors(), cancellationToken));
        return Page();
    }

    /// <summary>One table as the API's <c>?format=csv</c> gives it, for a caller signed in to the pages rather than holding a token.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken) =>
        (await board.CsvAsync(table, new BoardQuery(Months, Days), Caller, new FieldErrors(), cancellationToken)).Match<IActionResult>(
            csv => File(csv.Content, BoardCsv.ContentType, csv.FileName),
            _ => BadRequest(),
            NotFound);

    /// <summary>The download link of a table, for the period on show.</summary>
    public string? CsvUrl(string table) => Url.Page("/Board/Index", "Csv", new { table, months = Months, days = Days });

    public static IEnumerable<TallyTable> EscalationTables(EscalationFigures escalations, AgencyDefinitions agencies) =>
    [
        new("escalations-by-level", "Open escalations by level", "Level", [.. escalations.ByLevel.Select(t => (BoardDisplay.LevelName(t.Key), t.Count))]),
        new("escalations-by-theme", "Open escalations by theme", "Theme", [.. escalations.ByTheme.Select(t => (BoardDisplay.ThemeName(t.Key), t.Count))]),
        new("escalations-by-agency", "Open escalations by agency", "Agency", [.. escalations.ByAgency.Select(t => (agencies.NameOf(t.Key), t.Count))]),
        new("escalations-by-age-band", "Open escalations by the young person's age", "Age", [.. escalations.ByAgeBand.Select(t => (BoardDisplay.AgeBandName(t.Key), t.Count))]),
    ];

    public static IEnumerable<(string Label, int Count)> UpcomingByKind(UpcomingFigures upcoming) =>
        upcoming.ByKind.Select(t => (BoardDisplay.UpcomingKindName(t.Key), t.Count));

    T? Figures<T>(Outcome<T> figures)
        where T : class =>
        figures.Match(
            value => value,
            errors =>
            {
                // The scorecard and the three windowed tables share one period field: its error is shown once.
                AddProblemErrors(errors.ToDictionary().Where(e => ErrorFor(FieldId(e.Key)) is null).ToDictionary(), FieldId);
                return null;
            });

    static string FieldId(string apiField) => apiField switch
    {
        "months" => nameof(Months),
        "days" => nameof(Days),
        _ => apiField,
    };

    static IEnumerable<int> Options(int[] choices, int? chosen) =>
        chosen is { } value && !choices.Contains(value) ? choices.Append(value).Order() : choices;
}
