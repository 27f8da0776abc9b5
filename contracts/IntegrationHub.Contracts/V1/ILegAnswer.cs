namespace IntegrationHub.Contracts.V1;

/// <summary>
/// What every agency answer carries. <see cref="AnswerId"/> is chosen by the agency and makes a
/// redelivered or resent answer harmless.
/// </summary>
public interface ILegAnswer
{
    Guid AnswerId { get; }
    Guid LegId { get; }
    string Agency { get; }
    string AnsweredBy { get; }
    DateTimeOffset AnsweredAt { get; }
}
