using System.Text;
using IntegrationHub.Board.Scorecard;
using Microsoft.Extensions.Options;
using static IntegrationHub.Board.Scorecard.ScorecardStatuses;

namespace IntegrationHub.Tests.Board.Scorecard;

/// <summary>The scorecard's targets, champions and national figures, as configuration and the shipped file give them, and its status rule.</summary>
public sealed class ScorecardSettingsTests
{
    static ValidateOptionsResult Validate(Action<ScorecardOptions> configure)
    {
        var options = new ScorecardOptions();
        configure(options);
        return new ScorecardOptionsValidator().Validate(null, options);
    }

    [Fact]
    public void The_seeds_targets_are_the_defaults_and_a_tenants_own_target_keeps_the_default_tolerance()
    {
        var options = new ScorecardOptions { Tenants = { ["council-a"] = new() { Targets = { [ScorecardRows.Eet] = new() { Value = 80 } } } } };

        options.FillDefaults();

        var eet = ScorecardRows.Find(ScorecardRows.Eet)!;
        Assert.Equal(new ScorecardTarget(70, 5, ScorecardDirections.Higher), options.TargetFor("council-b", eet));
        Assert.Equal(new ScorecardTarget(80, 5, ScorecardDirections.Higher), options.TargetFor("council-a", eet));
        Assert.Equal(0, options.TargetFor("council-a", ScorecardRows.Find(ScorecardRows.HousingUnacceptableDeclines)!).Value);
        Assert.Equal(0, options.TargetFor("council-a", ScorecardRows.Find(ScorecardRows.SanctionsWithoutPa)!).Value);
        Assert.True(Validate(o => o.FillDefaults()).Succeeded);
    }

    [Fact]
    public void A_target_for_a_row_the_scorecard_has_not_is_refused_naming_its_setting()
    {
        var result = Validate(o => o.Tenants["council-a"] = new() { Targets = { ["eet"] = new() { Value = 70 } } });

        Assert.Contains("Scorecard:Tenants:council-a:Targets:eet is for the row 'eet'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScorecardRows.Eet, 101.0, 5.0, "Scorecard:Targets:eet-19-21:Value must be a percentage from 0 to 100.")]
    [InlineData(ScorecardRows.HousingDaysToDecision, -1.0, 3.0, "Scorecard:Targets:housing-days-to-decision:Value must not be negative.")]
    [InlineData(ScorecardRows.Eet, 70.0, -1.0, "Scorecard:Targets:eet-19-21:Tolerance must not be negative.")]
    public void A_target_out_of_its_units_range_is_refused(string row, double value, double tolerance, string message)
    {
        var result = Validate(o => o.Targets[row] = new() { Value = value, Tolerance = tolerance });

        Assert.Equal([message], result.Failures);
    }

    [Fact]
    public void A_champion_must_be_named_for_a_theme_the_scorecard_has()
    {
        var result = Validate(o => o.Tenants["council-a"] = new() { Champions = { ["homelessness"] = "Cllr A", ["health"] = " " } });

        Assert.Equal(
        [
            "Scorecard:Tenants:council-a:Champions:homelessness is for the theme 'homelessness', which the scorecard has not: it has housing, health, eet, justice, relationships, corporate-parenting.",
            "Scorecard:Tenants:council-a:Champions:health must name the champion, in 1 to 200 characters.",
        ], result.Failures);
    }

    [Fact]
    public async Task A_hub_with_a_bad_target_does_not_start()
    {
        await using var hub = new HubWithSettings(new Dictionary<string, string> { ["Scorecard:Targets:eet-19-21:Value"] = "170" });

        var refused = await Record.ExceptionAsync(hub.InitializeAsync);

        // The options' failure, however the host wraps it (its text includes every inner exception's).
        Assert.Contains("Scorecard:Targets:eet-19-21:Value must be a percentage from 0 to 100.", refused?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(70.0, 70.0, 5.0, ScorecardDirections.Higher, Green)]
    [InlineData(65.0, 70.0, 5.0, ScorecardDirections.Higher, Amber)]
    [InlineData(64.9, 70.0, 5.0, ScorecardDirections.Higher, Red)]
    [InlineData(14.0, 14.0, 3.0, ScorecardDirections.Lower, Green)]
    [InlineData(17.0, 14.0, 3.0, ScorecardDirections.Lower, Amber)]
    [InlineData(17.1, 14.0, 3.0, ScorecardDirections.Lower, Red)]
    [InlineData(0.0, 0.0, 5.0, ScorecardDirections.Lower, Green)]
    [InlineData(1.0, 0.0, 5.0, ScorecardDirections.Lower, Red)]
    [InlineData(null, 70.0, 5.0, ScorecardDirections.Higher, NoData)]
    public void The_status_is_green_at_the_target_amber_within_its_tolerance_and_red_beyond(double? value, double target, double tolerance, string direction, string status)
    {
        Assert.Equal(status, ScorecardReader.Status(value, new ScorecardTarget(target, tolerance, direction)));
    }

    [Fact]
    public void The_shipped_national_file_gives_the_latest_published_year_for_19_to_21()
    {
        var national = NationalFigures.Shipped();

        Assert.Equal(85, national.For(ScorecardRows.SuitableAccommodation)!.Percentage);
        Assert.Equal("2019", national.For(ScorecardRows.SuitableAccommodation)!.Year);
        Assert.Null(national.For(ScorecardRows.HousingDutiesAccepted));
    }

    [Theory]
    [InlineData("""{ "publication": "p", "source": "s", "rows": [] }""", "lists no rows")]
    [InlineData("""{ "publication": "p", "source": "s", "rows": [ { "year": 2019 } ] }""", "not in the published data set's shape")]
    [InlineData("""{ "publication": "p", "source": "s", "rows": [ ROW ] }""", null)]
    [InlineData("""{ "publication": "p", "source": "", "rows": [ ROW ] }""", "where its figures come from")]
    [InlineData("""{ "publication": "p", "source": "s", "rows": [ ROW, ROW ] }""", "listed 2 times")]
    [InlineData("""{ "publication": "p", "source": "s", "rows": [ BADROW ] }""", "'housing-unacceptable-declines' is not a percentage row")]
    public void A_national_file_not_in_the_published_shape_is_refused(string json, string? problem)
    {
        const string Row = """{ "time_period": "2024", "time_identifier": "Reporting year", "geographic_level": "National", "country_code": "E92000001", "country_name": "England", "care_leaver_age": "Aged 19 to 21", "measure": "eet-19-21", "filter": "In education, employment or training", "number": 10, "total": 20, "percentage": 50 }""";
        var file = json.Replace("BADROW", Row.Replace("eet-19-21", ScorecardRows.HousingUnacceptableDeclines, StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("ROW", Row, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file));

        if (problem is null)
        {
            Assert.Equal(50, NationalFigures.From(stream).For(ScorecardRows.Eet)!.Percentage);
            return;
        }

        var refused = Assert.Throws<InvalidDataException>(() => NationalFigures.From(stream));
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    sealed class HubWithSettings(IReadOnlyDictionary<string, string> settings) : HubFactory
    {
        protected override void ConfigureSettings(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureSettings(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
