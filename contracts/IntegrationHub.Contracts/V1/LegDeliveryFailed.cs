namespace IntegrationHub.Contracts.V1;

/// <summary>An adapter could not deliver the leg to its agency (retry budget spent, or the leg cannot be put in the agency's format).</summary>
public sealed record LegDeliveryFailed(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    string Reason) : ILegAnswer;
