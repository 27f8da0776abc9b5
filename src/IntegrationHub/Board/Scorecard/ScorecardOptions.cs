using Microsoft.Extensions.Options;

namespace IntegrationHub.Board.Scorecard;

/// <summary>
/// The scorecard's targets and champions. <see cref="Targets"/> are every local authority's, by row key, over the rows'
/// defaults (<see cref="ScorecardRows"/>); a local authority may set its own under <see cref="Tenants"/>, and names its
/// champion for each theme there (<see cref="ScorecardThemes"/>). A target left out, or a figure of one, is filled in
/// from the level above at start-up (<see cref="FillDefaults"/>).
/// </summary>
public sealed class ScorecardOptions
{
    public const string Section = "Scorecard";

    public Dictionary<string, ScorecardTargetSetting> Targets { get; set; } = [];

    public Dictionary<string, TenantScorecard> Tenants { get; set; } = [];

    public ScorecardTarget TargetFor(string tenantId, ScorecardRowDefinition row)
    {
        var setting = Tenants.TryGetValue(tenantId, out var own) && own.Targets.TryGetValue(row.Key, out var mine) ? mine : Targets[row.Key];
        return new ScorecardTarget(setting.Value!.Value, setting.Tolerance!.Value, row.Direction);
    }

    public string? ChampionFor(string tenantId, string theme) =>
        Tenants.TryGetValue(tenantId, out var own) && own.Champions.TryGetValue(theme, out var champion) ? champion : null;

    public void FillDefaults()
    {
        foreach (var row in ScorecardRows.All)
        {
            Targets.TryAdd(row.Key, new ScorecardTargetSetting());
            Targets[row.Key].FillFrom(row.DefaultTarget, row.DefaultTolerance);
        }

        foreach (var (key, setting) in Tenants.Values.SelectMany(t => t.Targets).Where(t => Targets.ContainsKey(t.Key)))
        {
            setting.FillFrom(Targets[key].Value!.Value, Targets[key].Tolerance!.Value);
        }
    }
}

public sealed class TenantScorecard
{
    /// <summary>By row key: this local authority's own targets.</summary>
    public Dictionary<string, ScorecardTargetSetting> Targets { get; set; } = [];

    /// <summary>By theme: the board member who champions it, as their name is shown on the theme's rows.</summary>
    public Dictionary<string, string> Champions { get; set; } = [];
}

/// <summary>
/// A target and the tolerance (in the row's unit) within which a value short of it is amber rather than red. A target
/// of 0 for a count is met only at 0: its tolerance is not used.
/// </summary>
public sealed class ScorecardTargetSetting
{
    public double? Value { get; set; }

    public double? Tolerance { get; set; }

    internal void FillFrom(double value, double tolerance)
    {
        Value ??= value;
        Tolerance ??= tolerance;
    }
}

/// <summary>
/// At start-up: every target is for a row the scorecard has, in its unit's range (a percentage 0 to 100, a count or days
/// not negative), with a tolerance not negative; every champion is for a theme the scorecard has, and is named.
/// </summary>
sealed class ScorecardOptionsValidator : IValidateOptions<ScorecardOptions>
{
    public const int MaxChampionLength = 200;

    public ValidateOptionsResult Validate(string? name, ScorecardOptions options)
    {
        const string Section = ScorecardOptions.Section;
        var targets = options.Targets.Select(t => (Key: $"{Section}:Targets:{t.Key}", Row: t.Key, Setting: t.Value))
            .Concat(options.Tenants.SelectMany(tenant => tenant.Value.Targets.Select(t => (Key: $"{Section}:Tenants:{tenant.Key}:Targets:{t.Key}", Row: t.Key, Setting: t.Value))))
            .ToList();
        var champions = options.Tenants.SelectMany(tenant => tenant.Value.Champions.Select(c => (Key: $"{Section}:Tenants:{tenant.Key}:Champions:{c.Key}", Theme: c.Key, Name: c.Value)));

        var errors = new List<string>();
        foreach (var (key, rowKey, setting) in targets)
        {
            if (ScorecardRows.Find(rowKey) is not { } row)
            {
                errors.Add($"{key} is for the row '{rowKey}', which the scorecard has not: it has {string.Join(", ", ScorecardRows.All.Select(r => r.Key))}.");
                continue;
            }

            if (setting.Value is { } value && (value < 0 || (row.Unit == ScorecardUnits.Percent && value > 100) || double.IsNaN(value)))
            {
                errors.Add(row.Unit == ScorecardUnits.Percent ? $"{key}:Value must be a percentage from 0 to 100." : $"{key}:Value must not be negative.");
            }

            if (setting.Tolerance is { } tolerance && (tolerance < 0 || double.IsNaN(tolerance)))
            {
                errors.Add($"{key}:Tolerance must not be negative.");
            }
        }

        errors.AddRange(champions.Where(c => !ScorecardThemes.Names.ContainsKey(c.Theme))
            .Select(c => $"{c.Key} is for the theme '{c.Theme}', which the scorecard has not: it has {string.Join(", ", ScorecardThemes.All)}."));
        errors.AddRange(champions.Where(c => string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > MaxChampionLength)
            .Select(c => $"{c.Key} must name the champion, in 1 to {MaxChampionLength} characters."));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
