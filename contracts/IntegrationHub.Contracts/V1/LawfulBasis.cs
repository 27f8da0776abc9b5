namespace IntegrationHub.Contracts.V1;

/// <summary>Why this agency may receive the data: consent, legal-obligation, public-task or vital-interests.</summary>
public sealed record LawfulBasis(string Basis, string RecordedBy, DateTimeOffset RecordedAt, string? Evidence);
