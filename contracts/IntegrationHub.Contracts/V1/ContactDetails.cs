namespace IntegrationHub.Contracts.V1;

public sealed record ContactDetails(string? Email, string? Phone, string? AddressLine, string? Postcode);
