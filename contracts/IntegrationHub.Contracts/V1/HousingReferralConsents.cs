namespace IntegrationHub.Contracts.V1;

/// <summary>
/// The housing duty to refer's three consents, each recorded on its own: to be referred, to the
/// housing authority chosen with the young person, and to share their contact details with it.
/// </summary>
/// <param name="ToBeReferred">Consent to be referred.</param>
/// <param name="ToChosenHousingAuthority">Consent to the housing authority chosen.</param>
/// <param name="ToShareContactDetails">Consent to share contact details with it.</param>
public sealed record HousingReferralConsents(bool ToBeReferred, bool ToChosenHousingAuthority, bool ToShareContactDetails);
