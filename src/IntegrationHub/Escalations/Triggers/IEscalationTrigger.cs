namespace IntegrationHub.Escalations.Triggers;

/// <summary>
/// One automatic trigger of the ladder: when it raises an escalation and when that escalation's
/// cause is mended. The runner raises, climbs, resolves and saves; a trigger only looks. Every
/// class of this assembly that implements it is registered (<c>AddEscalations</c>), so a new
/// trigger is one new file. The runner's pass spans all tenants (<see cref="Persistence.TenantScope"/>),
/// so a trigger's queries see every council's rows.
/// </summary>
public interface IEscalationTrigger
{
    /// <summary>The reason codes it raises: an open escalation with one of them is its to resolve.</summary>
    IReadOnlyCollection<string> ReasonCodes { get; }

    /// <summary>What it would escalate now; the runner leaves out what was raised before (by trigger key).</summary>
    Task<IReadOnlyList<EscalationRunner.Candidate>> CandidatesAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>What has since mended the cause of one of its escalations, as its outcome; null while it stands.</summary>
    Task<string?> MendedAsync(Escalation escalation, CancellationToken cancellationToken);

    /// <summary>
    /// The reason as a notification gives it: the hub's words for the reason code, never the
    /// escalation's own text, which may name the young person or give their dates.
    /// </summary>
    /// <param name="legReasonCode">The coded reason recorded on the escalation's leg, if any (e.g. a decline's).</param>
    string Notice(Escalation escalation, string? legReasonCode);
}
