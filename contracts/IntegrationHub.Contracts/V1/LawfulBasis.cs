namespace IntegrationHub.Contracts.V1;

/// <summary>Why this agency may receive the data: consent, legal-obligation, public-task or vital-interests.</summary>
/// <param name="HousingConsents">
/// On a housing leg, the duty to refer's three consents where they were recorded one by one;
/// absent, the consent of <paramref name="Basis"/> stands for all three.
/// </param>
public sealed record LawfulBasis(string Basis, string RecordedBy, DateTimeOffset RecordedAt, string? Evidence, HousingReferralConsents? HousingConsents = null);
