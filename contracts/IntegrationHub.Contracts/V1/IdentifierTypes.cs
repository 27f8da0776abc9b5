namespace IntegrationHub.Contracts.V1;

public static class IdentifierTypes
{
    public const string LocalAuthorityPersonId = "la-person-id";
    public const string NhsNumber = "nhs-number";
    public const string NationalInsuranceNumber = "ni-number";
    public const string Crn = "crn";
}
