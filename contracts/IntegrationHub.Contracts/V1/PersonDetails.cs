namespace IntegrationHub.Contracts.V1;

/// <summary>Only the identifiers the receiving agency needs are included.</summary>
public sealed record PersonDetails(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    ContactDetails Contact,
    IReadOnlyList<PersonIdentifier> Identifiers);
