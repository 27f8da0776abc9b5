namespace IntegrationHub.Contracts.V1;

/// <summary>How to contact the young person; each detail only where known.</summary>
/// <param name="Email">The young person's e-mail address.</param>
/// <param name="Phone">The young person's phone number.</param>
/// <param name="AddressLine">The young person's address, in one line.</param>
/// <param name="Postcode">The young person's postcode.</param>
public sealed record ContactDetails(string? Email, string? Phone, string? AddressLine, string? Postcode);
