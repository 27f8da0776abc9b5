namespace IntegrationHub.Contracts.V1;

/// <summary>The Jobcentre intends to sanction the young person's benefit from ProposedDate and must first speak to the Personal Adviser.</summary>
public sealed record SanctionProposed(
    Guid AnswerId,
    Guid LegId,
    string Agency,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    DateOnly ProposedDate,
    string Reason) : ILegAnswer;
