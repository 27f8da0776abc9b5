namespace IntegrationHub.Contracts.V1;

/// <summary>The Personal Adviser who made the referral, so the agency can speak to them.</summary>
public sealed record Referrer(string Name, string? Email, string? Phone, string LocalAuthority);
