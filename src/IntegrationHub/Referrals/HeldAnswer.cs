using System.Text.Json;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Referrals;

/// <summary>
/// An agency's answer from the bus that its leg cannot take yet, because an earlier step has not arrived (a leg
/// started before it was accepted, a housing duty before the acceptance it follows). Messages between systems
/// may overtake each other: the answer is kept, not refused, and applied as soon as the step it waits for is.
/// </summary>
public sealed class HeldAnswer
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The agency's own id of the answer: a redelivery finds it held and adds nothing.</summary>
    public Guid AnswerId { get; init; }

    public required string TenantId { get; init; }
    public Guid LegId { get; init; }

    /// <summary>The answer's contract, e.g. <c>IntegrationHub.Contracts.V1.LegStarted</c>.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    /// <summary>The organisation that answered, as the bus said.</summary>
    public string? Organisation { get; init; }

    public DateTimeOffset AnsweredAt { get; init; }
    public DateTimeOffset HeldAt { get; init; }

    public static HeldAnswer Of(ILegAnswer answer, string tenantId, string? organisation, DateTimeOffset answeredAt, DateTimeOffset now) => new()
    {
        AnswerId = answer.AnswerId,
        TenantId = tenantId,
        LegId = answer.LegId,
        MessageType = answer.GetType().FullName!,
        Body = JsonSerializer.Serialize(answer, answer.GetType(), Json),
        Organisation = organisation,
        AnsweredAt = answeredAt,
        HeldAt = now,
    };

    /// <summary>The answer as it arrived; only an agency answer of the published contract is ever read back.</summary>
    public ILegAnswer Read() =>
        typeof(ILegAnswer).Assembly.GetType(MessageType) is { } type && typeof(ILegAnswer).IsAssignableFrom(type)
            ? (ILegAnswer)JsonSerializer.Deserialize(Body, type, Json)!
            : throw new InvalidOperationException($"Held answer {AnswerId} is of type '{MessageType}', which is not an agency answer.");
}
