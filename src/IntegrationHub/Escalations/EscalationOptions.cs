using System.ComponentModel.DataAnnotations;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Escalations;

/// <summary>SLAs in working days, per agency type, with per-tenant overrides; and the ladder's timings.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalations";

    public Dictionary<string, AgencySla> Sla { get; set; } = new()
    {
        [AgencyCodes.Housing] = new() { AcknowledgeWithin = 1, DecideWithin = 10 },
        [AgencyCodes.Nhs] = new() { AcknowledgeWithin = 2, DecideWithin = 15 },
        [AgencyCodes.Dwp] = new() { AcknowledgeWithin = 2, DecideWithin = 10 },
        [AgencyCodes.Probation] = new() { AcknowledgeWithin = 2, DecideWithin = 10 },
        [AgencyCodes.Yos] = new() { AcknowledgeWithin = 2, DecideWithin = 10 },
    };

    /// <summary>By tenant, then agency: a local authority's own agreements with its partners.</summary>
    public Dictionary<string, Dictionary<string, AgencySla>> Tenants { get; set; } = [];

    /// <summary>Working days a level-1 escalation may stay unresolved before it goes to level 2.</summary>
    [Range(1, 60)]
    public int LevelTwoAfter { get; set; } = 3;

    /// <summary>Working days a level-2 escalation may stay unresolved before it goes to the board.</summary>
    [Range(1, 120)]
    public int LevelThreeAfter { get; set; } = 10;

    /// <summary>Decline reason codes corporate parents should not accept, by agency: they go straight to level 2.</summary>
    public Dictionary<string, string[]> UnacceptableDeclines { get; set; } = new()
    {
        [AgencyCodes.Housing] = ["intentionally-homeless", "no-local-connection"],
    };

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Working days the PA has to answer a proposed sanction before it goes to level 2.</summary>
    [Range(1, 20)]
    public int SanctionResponseWithin { get; set; } = 2;

    /// <summary>Days before a planned release from custody by which an accommodation leg must be accepted.</summary>
    [Range(1, 365)]
    public int ReleaseAccommodationWithinDays { get; set; } = 28;

    /// <summary>Months before the 18th birthday by which a young person open to the YOS must have an accepted probation leg.</summary>
    [Range(1, 24)]
    public int ProbationBeforeEighteenMonths { get; set; } = 6;

    public AgencySla SlaFor(string tenantId, string agency) =>
        Tenants.TryGetValue(tenantId, out var own) && own.TryGetValue(agency, out var sla) ? sla : Sla[agency];
}

public sealed class AgencySla
{
    /// <summary>Working days, after the day the leg was sent, to acknowledge it.</summary>
    [Range(1, 60)]
    public int AcknowledgeWithin { get; set; }

    /// <summary>Working days, after the day the leg was sent, to accept or decline it.</summary>
    [Range(1, 120)]
    public int DecideWithin { get; set; }
}
