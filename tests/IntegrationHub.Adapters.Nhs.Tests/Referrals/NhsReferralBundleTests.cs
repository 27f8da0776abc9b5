using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Adapters.Nhs.Referrals;
using IntegrationHub.Adapters.Testing;
using IntegrationHub.Contracts.V1;
using static IntegrationHub.Adapters.Nhs.Tests.FhirAssert;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Tests.Referrals;

public class NhsReferralBundleTests
{
    static readonly string[] SectionsTheNhsMayNotSee =
        [.. PlanSectionCodes.All.Except([PlanSectionCodes.Health, PlanSectionCodes.EmotionalBehavioural])];

    static readonly Bundle Bundle = NhsReferralBundle.Build(TestLegs.Full());
    static readonly string Json = NhsFhirJson.Serialize(Bundle);

    [Fact]
    public void Full_referral_matches_the_golden_file()
    {
        var (expected, actual) = GoldenFile.Compare(typeof(NhsReferralBundleTests).Assembly, "nhs-referral-bundle.json", Json);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Bundle_parses_back_with_the_Firely_SDK()
    {
        var parsed = Assert.IsType<Bundle>(NhsFhirJson.Deserialize(Json));

        Assert.True(parsed.IsExactly(Bundle));
        Assert.Equal(Json, NhsFhirJson.Serialize(parsed));
    }

    [Fact]
    public void Bundle_is_a_message_with_the_MessageHeader_first()
    {
        Assert.Equal(Bundle.BundleType.Message, Bundle.Type);
        Assert.IsType<MessageHeader>(Bundle.Entry[0].Resource);
        Assert.Equal(TestLegs.RequestedAt, Bundle.Timestamp);
    }

    [Fact]
    public void Every_reference_in_the_bundle_resolves_to_an_entry()
    {
        ReferencesResolve(Bundle);
        Assert.All(Bundle.Entry, e => Assert.Equal($"urn:uuid:{e.Resource?.Id}", e.FullUrl));
        Assert.Equal(Bundle.Entry.Count, Bundle.Entry.Select(e => e.FullUrl).Distinct().Count());
    }

    [Fact]
    public void Same_leg_always_yields_the_same_bundle()
    {
        Assert.Equal(Json, NhsFhirJson.Serialize(NhsReferralBundle.Build(TestLegs.Full())));

        var other = NhsReferralBundle.Build(TestLegs.Full() with { LegId = Guid.NewGuid() });
        Assert.Empty(other.Entry.Select(e => e.FullUrl).Intersect(Bundle.Entry.Select(e => e.FullUrl)));
    }

    [Fact]
    public void MessageHeader_is_a_BaRS_service_request_from_the_local_authority_to_the_ODS_code()
    {
        var header = Single<MessageHeader>(Bundle);
        var serviceRequest = Single<ServiceRequest>(Bundle);
        var recipient = Bundle.Entry.Single(e => e.Resource is Organization o && o.Identifier.Any(i => i.System == NhsSystems.OdsOrganisationCode));

        var @event = Assert.IsType<Coding>(header.Event);
        Assert.Equal(("https://fhir.nhs.uk/CodeSystem/message-events-bars", "servicerequest-request"), (@event.System, @event.Code));
        Assert.Equal("new", header.Reason?.Coding.Single().Code);
        Assert.Equal($"urn:uuid:{serviceRequest.Id}", Assert.Single(header.Focus).Reference);
        Assert.Equal("urn:care-leaver-hub:barnet", header.Source.Endpoint);
        Assert.Equal("London Borough of Barnet", header.Source.Name);
        var destination = Assert.Single(header.Destination);
        Assert.Equal($"urn:ods:{TestLegs.OdsCode}", destination.Endpoint);
        Assert.Equal(recipient.FullUrl, destination.Receiver?.Reference);
    }

    [Fact]
    public void ServiceRequest_is_an_active_order_identified_by_leg_and_referral()
    {
        var serviceRequest = Single<ServiceRequest>(Bundle);

        Assert.Equal(RequestStatus.Active, serviceRequest.Status);
        Assert.Equal(RequestIntent.Order, serviceRequest.Intent);
        Assert.Contains(serviceRequest.Identifier, i => i.System == "urn:care-leaver-hub:leg" && i.Value == TestLegs.LegId.ToString());
        Assert.Contains(serviceRequest.Identifier, i => i.System == "urn:care-leaver-hub:referral" && i.Value == TestLegs.ReferralId.ToString());
        Assert.Equal("2026-01-05T09:30:00Z", serviceRequest.AuthoredOn);
        Assert.Equal(TestLegs.Full().Summary, Assert.Single(serviceRequest.ReasonCode).Text);
        Assert.Equal($"urn:uuid:{Single<Patient>(Bundle).Id}", serviceRequest.Subject.Reference);
        Assert.Equal($"urn:uuid:{Single<PractitionerRole>(Bundle).Id}", serviceRequest.Requester?.Reference);
    }

    [Fact]
    public void Each_need_and_action_of_a_shared_section_is_a_note_with_its_section_code()
    {
        var notes = Single<ServiceRequest>(Bundle).Note.Select(n => n.Text).ToList();

        Assert.Equal(
        [
            "[health] Need: health need one: secret-health-need",
            "[health] Need: health need two",
            "[health] Action: health action: secret-health-action",
            "[health] Owner: health owner; review by 2026-03-01",
            "[emotional-behavioural] Need: emotional-behavioural need one: secret-emotional-behavioural-need",
            "[emotional-behavioural] Need: emotional-behavioural need two",
            "[emotional-behavioural] Action: emotional-behavioural action: secret-emotional-behavioural-action",
            "[emotional-behavioural] Owner: emotional-behavioural owner; review by 2026-03-01",
        ], notes);
    }

    [Fact]
    public void Patient_has_the_NHS_number_with_the_NHS_system()
    {
        var patient = Single<Patient>(Bundle);

        Assert.Contains(patient.Identifier, i => i.System == "https://fhir.nhs.uk/Id/nhs-number" && i.Value == TestLegs.NhsNumber);
        Assert.Contains(patient.Identifier, i => i.System == "urn:care-leaver-hub:barnet:person" && i.Value == TestLegs.LaPersonId);
        Assert.Equal("Example", Assert.Single(patient.Name).Family);
        Assert.Equal("2008-04-12", patient.BirthDate);
        Assert.Equal(["jordan@example.org", "07700 900123"], patient.Telecom.Select(t => t.Value));
        var address = Assert.Single(patient.Address);
        Assert.Equal(("Flat 2, 10 High Street", "EN5 1AA"), (Assert.Single(address.Line), address.PostalCode));
    }

    [Fact]
    public void Task_is_requested_of_the_recipient_by_its_ODS_code()
    {
        var task = Single<FhirTask>(Bundle);

        Assert.Equal(FhirTask.TaskStatus.Requested, task.Status);
        Assert.Equal(FhirTask.TaskIntent.Order, task.Intent);
        Assert.Equal(("https://fhir.nhs.uk/Id/ods-organization-code", TestLegs.OdsCode), (task.Owner?.Identifier?.System, task.Owner?.Identifier?.Value));
        Assert.Equal($"urn:uuid:{Single<ServiceRequest>(Bundle).Id}", task.Focus?.Reference);
        Assert.Equal($"urn:uuid:{Single<Patient>(Bundle).Id}", task.For?.Reference);
        Assert.Equal(TestLegs.LegId.ToString(), Assert.Single(task.Identifier, i => i.System == "urn:care-leaver-hub:leg").Value);
        Assert.Equal("2026-01-05T09:30:00Z", task.AuthoredOn);
    }

    [Fact]
    public void PractitionerRole_is_the_Personal_Adviser_at_the_local_authority()
    {
        var role = Single<PractitionerRole>(Bundle);
        var localAuthority = Bundle.Entry.Single(e => e.FullUrl == role.Organization?.Reference).Resource;

        Assert.Equal("Pat Adviser", role.Practitioner?.Display);
        Assert.Equal(["pat.adviser@barnet.gov.uk", "020 8359 0000"], role.Telecom.Select(t => t.Value));
        Assert.Equal("London Borough of Barnet", Assert.IsType<Organization>(localAuthority).Name);
    }

    [Theory]
    [InlineData(PlanSectionCodes.Justice)]
    [InlineData(PlanSectionCodes.Eet)]
    [InlineData(PlanSectionCodes.Accommodation)]
    [InlineData(PlanSectionCodes.Financial)]
    public void Bundle_has_no_text_from_a_section_the_NHS_may_not_see(string section)
    {
        Assert.DoesNotContain($"secret-{section}-", Json, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{section}]", Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_has_no_section_but_health_and_emotional_behavioural()
    {
        foreach (var section in SectionsTheNhsMayNotSee)
        {
            Assert.DoesNotContain($"{section} need", Json, StringComparison.Ordinal);
            Assert.DoesNotContain($"{section} owner", Json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bundle_has_no_NI_number_or_CRN()
    {
        Assert.DoesNotContain(TestLegs.NiNumber, Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestLegs.Crn, Json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Single<Patient>(Bundle).Identifier.Count);
    }

    [Fact]
    public void Consent_is_active_and_supports_the_request_when_the_basis_is_consent()
    {
        var consent = Single<Consent>(Bundle);
        var patient = Single<Patient>(Bundle);

        Assert.Equal(Consent.ConsentState.Active, consent.Status);
        Assert.Equal("patient-privacy", consent.Scope.Coding.Single().Code);
        Assert.Equal(("http://loinc.org", "59284-0"), (consent.Category.Single().Coding.Single().System, consent.Category.Single().Coding.Single().Code));
        Assert.Equal($"urn:uuid:{patient.Id}", consent.Patient?.Reference);
        Assert.Equal("2026-01-02T14:00:00Z", consent.DateTime);
        Assert.NotEmpty(consent.Organization);
        Assert.NotNull(consent.PolicyRule);
        Assert.Equal($"urn:uuid:{consent.Id}", Assert.Single(Single<ServiceRequest>(Bundle).SupportingInfo).Reference);
    }

    [Theory]
    [InlineData("legal-obligation", "legal obligation")]
    [InlineData("public-task", "public task")]
    [InlineData("vital-interests", "vital interests")]
    public void Bundle_has_no_Consent_when_the_basis_is_not_consent_and_says_the_basis_in_a_note(string basis, string words)
    {
        var bundle = NhsReferralBundle.Build(TestLegs.Full(basis));
        var serviceRequest = Single<ServiceRequest>(bundle);

        Assert.Empty(bundle.Entry.Select(e => e.Resource).OfType<Consent>());
        Assert.Empty(serviceRequest.SupportingInfo);
        var note = Assert.Single(serviceRequest.Note, n => n.Text?.StartsWith("[lawful-basis]", StringComparison.Ordinal) == true);
        Assert.Contains(words, note.Text, StringComparison.Ordinal);
        Assert.Contains("Pat Adviser", note.Text, StringComparison.Ordinal);
        ReferencesResolve(bundle);
    }

    [Fact]
    public void Resources_pass_the_SDKs_structural_validation()
    {
        var problems = Bundle.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, new FhirAttributeValidator(), true);

        Assert.Empty(problems);
    }

    [Fact]
    public void Structural_validation_would_catch_a_malformed_element()
    {
        var broken = NhsReferralBundle.Build(TestLegs.Full());
        Single<Patient>(broken).BirthDate = "12/04/2008";

        var problems = broken.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, new FhirAttributeValidator(), true);

        Assert.Contains(problems, p => p.Message.Contains("12/04/2008", StringComparison.Ordinal));
    }

    [Fact]
    public void Leg_for_another_agency_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => NhsReferralBundle.Build(TestLegs.Full() with { Agency = AgencyCodes.Housing }));
        Assert.Contains("housing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_lawful_basis_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => NhsReferralBundle.Build(TestLegs.Full("because-we-can")));
        Assert.Contains("because-we-can", error.Message, StringComparison.Ordinal);
    }
}
