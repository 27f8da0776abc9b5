namespace IntegrationHub.Contracts.V1;

/// <summary>Only the identifiers the receiving agency needs are included.</summary>
/// <param name="GivenName">The young person's given name.</param>
/// <param name="FamilyName">The young person's family name.</param>
/// <param name="DateOfBirth">The young person's date of birth.</param>
/// <param name="Contact">How to contact the young person.</param>
/// <param name="Identifiers">The identifiers the agency needs.</param>
public sealed record PersonDetails(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    ContactDetails Contact,
    IReadOnlyList<PersonIdentifier> Identifiers);
