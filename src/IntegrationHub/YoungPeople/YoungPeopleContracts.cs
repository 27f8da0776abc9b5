namespace IntegrationHub.YoungPeople;

public sealed record RegisterYoungPerson(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    string? Email,
    string? Phone,
    string? AddressLine,
    string? Postcode,
    string? LocalAuthorityPersonId,
    string? NhsNumber,
    string? NationalInsuranceNumber,
    string? Crn,
    string? ResidenceArea = null);

public sealed record YoungPersonDetails(
    Guid Id,
    string TenantId,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    int Age,
    string? Email,
    string? Phone,
    string? AddressLine,
    string? Postcode,
    string LocalAuthorityPersonId,
    string? NhsNumber,
    string? NationalInsuranceNumber,
    string? Crn,
    string? ResidenceArea)
{
    public static YoungPersonDetails From(YoungPerson p, DateOnly today) => new(
        p.Id, p.TenantId, p.GivenName, p.FamilyName, p.DateOfBirth, p.AgeOn(today), p.Email, p.Phone, p.AddressLine, p.Postcode,
        p.LocalAuthorityPersonId, p.NhsNumber, p.NationalInsuranceNumber, p.Crn, p.ResidenceArea);
}
