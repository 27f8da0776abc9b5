namespace IntegrationHub.Contracts.V1;

/// <summary>The Personal Adviser who made the referral, so the agency can speak to them.</summary>
/// <param name="Name">The Personal Adviser's name.</param>
/// <param name="Email">Their e-mail address.</param>
/// <param name="Phone">Their phone number.</param>
/// <param name="LocalAuthority">The local authority they work for.</param>
public sealed record Referrer(string Name, string? Email, string? Phone, string LocalAuthority);
