namespace IntegrationHub.Contracts.V1;

/// <summary>The kinds of identifier the hub holds for a young person; each has its shape in <see cref="IdentifierPatterns"/>.</summary>
public static class IdentifierTypes
{
    /// <summary>The local authority's own person id, from its case management system.</summary>
    public const string LocalAuthorityPersonId = "la-person-id";

    /// <summary>The NHS number.</summary>
    public const string NhsNumber = "nhs-number";

    /// <summary>The National Insurance number.</summary>
    public const string NationalInsuranceNumber = "ni-number";

    /// <summary>The probation case reference number.</summary>
    public const string Crn = "crn";
}
