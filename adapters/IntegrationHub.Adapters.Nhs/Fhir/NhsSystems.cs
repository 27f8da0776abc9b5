namespace IntegrationHub.Adapters.Nhs.Fhir;

/// <summary>The code systems and identifier systems the NHS adapter writes and reads.</summary>
public static class NhsSystems
{
    /// <summary>Identifier system of a leg; an NHS system echoes it on the Task it sends back.</summary>
    public const string Leg = "urn:care-leaver-hub:leg";

    /// <summary>Identifier system of the referral a leg belongs to.</summary>
    public const string Referral = "urn:care-leaver-hub:referral";

    public const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsOrganisationCode = "https://fhir.nhs.uk/Id/ods-organization-code";

    /// <summary>NHS Booking and Referral Standard (BaRS) message events.</summary>
    public const string MessageEvents = "https://fhir.nhs.uk/CodeSystem/message-events-bars";

    /// <summary>BaRS message reasons: a first request is <c>new</c>, a cancellation is an <c>update</c>.</summary>
    public const string MessageReasons = "https://fhir.nhs.uk/CodeSystem/message-reason-bars";

    public const string ServiceRequestEvent = "servicerequest-request";

    /// <summary>The hub's own reason codes on a Task's statusReason (a decline's reason code, as the agency gave it).</summary>
    public const string StatusReason = "urn:care-leaver-hub:status-reason";

    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";
    public const string ConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string ActReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    /// <summary>The message endpoint of a local authority on the hub.</summary>
    public static string HubEndpoint(string tenantId) => $"urn:care-leaver-hub:{tenantId}";

    /// <summary>Identifier system of a local authority's own person ids.</summary>
    public static string LocalAuthorityPersonId(string tenantId) => $"urn:care-leaver-hub:{tenantId}:person";

    /// <summary>Identifier system of the hub's tenants (local authorities).</summary>
    public const string Tenant = "urn:care-leaver-hub:tenant";

    /// <summary>The message endpoint of an NHS organisation, by its ODS code.</summary>
    public static string OdsEndpoint(string odsCode) => $"urn:ods:{odsCode}";
}
