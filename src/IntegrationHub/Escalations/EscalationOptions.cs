using System.ComponentModel.DataAnnotations;
using IntegrationHub.Adapters.Channels.Agencies;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Escalations;

/// <summary>
/// SLAs in working days and unacceptable declines, by agency, over the defaults each agency's
/// definition declares; per-tenant SLA overrides; and the ladder's timings. Once configured,
/// <see cref="Sla"/> and <see cref="UnacceptableDeclines"/> hold every agency (see <c>AddEscalations</c>).
/// </summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalations";

    /// <summary>By agency: SLAs agreed in place of its definition's <c>ServiceLevels</c>.</summary>
    public Dictionary<string, AgencySla> Sla { get; set; } = [];

    /// <summary>By tenant, then agency: a local authority's own agreements with its partners.</summary>
    public Dictionary<string, Dictionary<string, AgencySla>> Tenants { get; set; } = [];

    /// <summary>Working days a level-1 escalation may stay unresolved before it goes to level 2.</summary>
    [Range(1, 60)]
    public int LevelTwoAfter { get; set; } = 3;

    /// <summary>Working days a level-2 escalation may stay unresolved before it goes to the board.</summary>
    [Range(1, 120)]
    public int LevelThreeAfter { get; set; } = 10;

    /// <summary>
    /// By agency: decline reason codes corporate parents should not accept, in place of its
    /// definition's. They go straight to level 2.
    /// </summary>
    public Dictionary<string, string[]> UnacceptableDeclines { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Working days the PA has to answer a proposed sanction before it goes to level 2.</summary>
    [Range(1, 20)]
    public int SanctionResponseWithin { get; set; } = 2;

    public AgencySla SlaFor(string tenantId, string agency) =>
        Tenants.TryGetValue(tenantId, out var own) && own.TryGetValue(agency, out var sla) ? sla : Sla[agency];

    /// <summary>
    /// Fills in what configuration leaves out from the agencies' definitions: an agency's SLA, or
    /// one figure of it (a tenant's from the agency's), and its unacceptable declines.
    /// </summary>
    public void FillFrom(AgencyDefinitions agencies)
    {
        foreach (var agency in agencies.All)
        {
            var levels = agency.ServiceLevels;
            Sla.TryAdd(agency.Code, new AgencySla());
            Sla[agency.Code].FillFrom(levels.AcknowledgeWithin, levels.DecideWithin);
            UnacceptableDeclines.TryAdd(agency.Code, [.. agency.UnacceptableDeclines]);
        }

        foreach (var (agency, sla) in Tenants.Values.SelectMany(own => own).Where(s => Sla.ContainsKey(s.Key)))
        {
            sla.FillFrom(Sla[agency].AcknowledgeWithin, Sla[agency].DecideWithin);
        }
    }
}

public sealed class AgencySla
{
    /// <summary>Working days, after the day the leg was sent, to acknowledge it.</summary>
    [Range(1, 60)]
    public int AcknowledgeWithin { get; set; }

    /// <summary>Working days, after the day the leg was sent, to accept or decline it.</summary>
    [Range(1, 120)]
    public int DecideWithin { get; set; }

    /// <summary>Takes these figures for the ones configuration left out (0).</summary>
    internal void FillFrom(int acknowledgeWithin, int decideWithin)
    {
        AcknowledgeWithin = AcknowledgeWithin is 0 ? acknowledgeWithin : AcknowledgeWithin;
        DecideWithin = DecideWithin is 0 ? decideWithin : DecideWithin;
    }
}

/// <summary>
/// At start-up: every agency the escalation settings name has a definition, every SLA is in range
/// (the attributes of <see cref="AgencySla"/> are not checked inside a dictionary), and each safeguard
/// has a reason code of its own and is about agencies the hub knows.
/// </summary>
sealed class EscalationOptionsValidator(AgencyDefinitions agencies) : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        const string Section = EscalationOptions.Section;
        var slas = options.Sla.Select(s => (Key: $"{Section}:Sla:{s.Key}", Agency: s.Key, Sla: s.Value))
            .Concat(options.Tenants.SelectMany(t => t.Value.Select(s => (Key: $"{Section}:Tenants:{t.Key}:{s.Key}", Agency: s.Key, Sla: s.Value))))
            .ToList();
        var named = slas.Select(s => (s.Key, s.Agency))
            .Concat(options.UnacceptableDeclines.Keys.Select(agency => (Key: $"{Section}:UnacceptableDeclines:{agency}", Agency: agency)));
        var safeguards = agencies.All.SelectMany(a => a.Safeguards.Select(s => (Agency: a.Code, Safeguard: s))).ToList();

        var errors = named.Where(n => !agencies.Contains(n.Agency)).Select(n => $"{n.Key} names the agency '{n.Agency}', which no adapter defines.")
            .Concat(slas.Where(s => s.Sla.AcknowledgeWithin is < 1 or > 60).Select(s => $"{s.Key}:AcknowledgeWithin must be 1 to 60 working days."))
            .Concat(slas.Where(s => s.Sla.DecideWithin is < 1 or > 120).Select(s => $"{s.Key}:DecideWithin must be 1 to 120 working days."))
            .Concat(safeguards.GroupBy(s => s.Safeguard.ReasonCode).Where(g => g.Count() > 1 || EscalationReasons.All.Contains(g.Key))
                .Select(g => $"The safeguard reason code '{g.Key}' of {string.Join(" and ", g.Select(s => s.Agency))} is not its own: another safeguard or the hub uses it."))
            .Concat(
                from s in safeguards
                let open = (s.Safeguard as BeforeEighteen)?.Who as OpenTo
                where open is not null && !agencies.Contains(open.Agency)
                select $"The safeguard '{s.Safeguard.ReasonCode}' of {s.Agency} is about young people open to '{open.Agency}', which no adapter defines.")
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
