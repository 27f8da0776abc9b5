namespace IntegrationHub.Contracts.V1;

/// <summary>Why this agency may receive the data (UK GDPR Article 6).</summary>
/// <param name="Basis">One of <see cref="LawfulBases"/>.</param>
/// <param name="RecordedBy">Who recorded the lawful basis (the Personal Adviser).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Evidence">The evidence of it in words, e.g. where the signed consent is kept.</param>
/// <param name="HousingConsents">
/// On a housing leg, the duty to refer's three consents where they were recorded one by one;
/// absent, the consent of <paramref name="Basis"/> stands for all three.
/// </param>
public sealed record LawfulBasis(string Basis, string RecordedBy, DateTimeOffset RecordedAt, string? Evidence, HousingReferralConsents? HousingConsents = null);
