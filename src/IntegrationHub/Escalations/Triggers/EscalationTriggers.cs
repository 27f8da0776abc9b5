namespace IntegrationHub.Escalations.Triggers;

/// <summary>Every registered trigger, and which one owns a reason code.</summary>
public sealed class EscalationTriggers
{
    readonly Dictionary<string, IEscalationTrigger> byReasonCode = [];

    /// <exception cref="InvalidOperationException">Two triggers claim one reason code.</exception>
    public EscalationTriggers(IEnumerable<IEscalationTrigger> triggers)
    {
        All = [.. triggers];
        foreach (var trigger in All)
        {
            foreach (var code in trigger.ReasonCodes)
            {
                if (!byReasonCode.TryAdd(code, trigger))
                {
                    throw new InvalidOperationException(
                        $"The escalation reason code '{code}' is claimed by both {byReasonCode[code].GetType().Name} and {trigger.GetType().Name}.");
                }
            }
        }
    }

    public IReadOnlyList<IEscalationTrigger> All { get; }

    /// <summary>The trigger that raises escalations with this reason code; null for one no trigger raises (a manager's).</summary>
    public IEscalationTrigger? For(string reasonCode) => byReasonCode.GetValueOrDefault(reasonCode);
}
