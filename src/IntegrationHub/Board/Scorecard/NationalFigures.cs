using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Board.Scorecard;

/// <summary>
/// England's published figures the scorecard shows beside a local authority's: the file <c>national-care-leavers.json</c>
/// shipped with the hub, in the shape of the Department for Education's published data set (one object a row, its
/// columns as properties), which an operator replaces when a new year is published. Read and checked once, at start-up,
/// so a file that is not in the published shape stops the hub rather than showing a wrong figure.
/// </summary>
public sealed class NationalFigures
{
    /// <summary>Manifest name of the embedded file (RootNamespace + folders + file name).</summary>
    internal const string Resource = "IntegrationHub.Board.Scorecard.national-care-leavers.json";

    /// <summary>The published age group the scorecard's 19 to 21 rows compare with.</summary>
    public const string NineteenToTwentyOne = "Aged 19 to 21";

    static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    readonly Dictionary<string, NationalFigure> latest;

    NationalFigures(Dictionary<string, NationalFigure> latest) => this.latest = latest;

    /// <summary>The latest published figure for the row's age group, if the file has one.</summary>
    public NationalFigure? For(string rowKey) => latest.GetValueOrDefault(rowKey);

    public static NationalFigures Shipped()
    {
        using var json = typeof(NationalFigures).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException(
                $"The embedded resource '{Resource}' is missing: IntegrationHub.csproj needs <EmbeddedResource Include=\"Board\\Scorecard\\national-care-leavers.json\" />.");
        return From(json);
    }

    /// <exception cref="InvalidDataException">The file is not in the published shape, or a row is not one the scorecard can show.</exception>
    internal static NationalFigures From(Stream json)
    {
        NationalFile? file;
        try
        {
            file = JsonSerializer.Deserialize<NationalFile>(json, FileJson);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The national figures file is not in the published data set's shape: {e.Message}", e);
        }

        if (file is null || file.Rows.Count == 0)
        {
            throw new InvalidDataException("The national figures file lists no rows.");
        }

        var errors = file.Rows.SelectMany((row, i) => Problems(row).Select(problem => $"Row {i + 1}: {problem}"))
            .Concat(file.Rows.GroupBy(r => (r.Measure, r.TimePeriod, r.CareLeaverAge)).Where(g => g.Count() > 1)
                .Select(g => $"The rows for {g.Key.Measure}, {g.Key.TimePeriod}, {g.Key.CareLeaverAge} are listed {g.Count()} times."))
            .ToList();
        if (string.IsNullOrWhiteSpace(file.Source))
        {
            errors.Add("The file must say where its figures come from ('source').");
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException($"The national figures file is not valid: {string.Join(" ", errors)}");
        }

        return new NationalFigures(file.Rows
            .Where(r => r.CareLeaverAge == NineteenToTwentyOne)
            .GroupBy(r => r.Measure)
            .ToDictionary(g => g.Key, g => Figure(file, g.MaxBy(r => r.TimePeriod, StringComparer.Ordinal)!)));
    }

    static NationalFigure Figure(NationalFile file, NationalRow row) =>
        new(row.Percentage, row.TimePeriod, row.CareLeaverAge, $"{file.Publication}, {row.TimeIdentifier.ToLowerInvariant()} {row.TimePeriod}, {row.CountryName}");

    static IEnumerable<string> Problems(NationalRow row)
    {
        if (ScorecardRows.Find(row.Measure) is not { Unit: ScorecardUnits.Percent })
        {
            yield return $"'{row.Measure}' is not a percentage row of the scorecard.";
        }

        if (row.TimePeriod.Length != 4 || !int.TryParse(row.TimePeriod, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            yield return $"time_period '{row.TimePeriod}' is not a year.";
        }

        if (row.Percentage is < 0 or > 100)
        {
            yield return $"percentage {row.Percentage} is not from 0 to 100.";
        }

        if (row.Number < 0 || row.Total < row.Number)
        {
            yield return $"number {row.Number} is not from 0 to the total {row.Total}.";
        }
    }

    sealed record NationalFile(string Publication, string Source, IReadOnlyList<NationalRow> Rows);

    sealed record NationalRow(
        string TimePeriod, string TimeIdentifier, string GeographicLevel, string CountryCode, string CountryName,
        string CareLeaverAge, string Measure, string Filter, int Number, int Total, double Percentage);
}
