using IntegrationHub.Contracts.V1;

namespace IntegrationHub.YoungPeople;

public sealed class YoungPerson
{
    public Guid Id { get; init; }
    public required string TenantId { get; init; }
    public required string GivenName { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly DateOfBirth { get; init; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine { get; set; }
    public string? Postcode { get; set; }

    /// <summary>The area (local authority) the young person lives in, when it is not the one looking after them.</summary>
    public string? ResidenceArea { get; set; }
    public required string LocalAuthorityPersonId { get; init; }
    public string? NhsNumber { get; init; }
    public string? NationalInsuranceNumber { get; init; }
    public string? Crn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }

    public ContactDetails Contact => new(Email, Phone, AddressLine, Postcode);

    /// <summary>Every identifier the hub holds; what an agency is sent is filtered by the sharing rules.</summary>
    public IEnumerable<PersonIdentifier> Identifiers()
    {
        yield return new PersonIdentifier(IdentifierTypes.LocalAuthorityPersonId, LocalAuthorityPersonId);
        if (NhsNumber is not null)
        {
            yield return new PersonIdentifier(IdentifierTypes.NhsNumber, NhsNumber);
        }

        if (NationalInsuranceNumber is not null)
        {
            yield return new PersonIdentifier(IdentifierTypes.NationalInsuranceNumber, NationalInsuranceNumber);
        }

        if (Crn is not null)
        {
            yield return new PersonIdentifier(IdentifierTypes.Crn, Crn);
        }
    }
}
