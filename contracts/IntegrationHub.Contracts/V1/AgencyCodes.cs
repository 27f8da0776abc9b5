namespace IntegrationHub.Contracts.V1;

/// <summary>The receiving agency types, as they appear on the wire.</summary>
public static class AgencyCodes
{
    /// <summary>A local housing authority, under the duty to refer.</summary>
    public const string Housing = "housing";

    /// <summary>An NHS organisation (mental health, CAMHS, GP), by FHIR.</summary>
    public const string Nhs = "nhs";

    /// <summary>A Jobcentre Plus office of the Department for Work and Pensions.</summary>
    public const string Dwp = "dwp";

    /// <summary>The Probation Service.</summary>
    public const string Probation = "probation";

    /// <summary>A youth offending service (youth justice service).</summary>
    public const string Yos = "yos";

    /// <summary>A local authority's adult social care service, for transition assessments under the Care Act 2014.</summary>
    public const string AdultSocialCare = "adult-social-care";

    public static IReadOnlyList<string> All { get; } = [Housing, Nhs, Dwp, Probation, Yos, AdultSocialCare];
}
