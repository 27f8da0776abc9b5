using System.Globalization;
using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Contracts.V1;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Referrals;

/// <summary>
/// Turns a leg for the NHS into a FHIR R4 message Bundle in the style of the NHS Booking and
/// Referral Standard (BaRS): MessageHeader (event <c>servicerequest-request</c>, reason <c>new</c>),
/// ServiceRequest, Patient, Consent (only when the basis is consent), Task, the Personal Adviser's
/// PractitionerRole, and the local authority and recipient Organizations.
/// </summary>
/// <remarks>
/// <para>
/// <b>Plan sections.</b> Each shared section becomes <c>ServiceRequest.note</c>s: one note per need
/// and one per action, in the plan's order, each prefixed with the section code in square brackets
/// (<c>[health] Need: …</c>, <c>[health] Action: …</c>), then one <c>[health] Owner: …; review by …</c>
/// note when the section has an owner or review date. Every BaRS receiver shows ServiceRequest
/// notes to the clinician who triages the referral, and the prefix lets a system split them back by
/// section; a contained CarePlan or a private extension would be read by few receivers.
/// </para>
/// <para>
/// <b>Lawful basis.</b> A Consent resource (status active) is included, and linked from
/// <c>ServiceRequest.supportingInfo</c>, only when the basis is <c>consent</c>. For any other basis
/// an active Consent would claim an agreement the young person never gave, so there is no Consent
/// resource: the basis, who recorded it, when and the evidence are a <c>[lawful-basis]</c> note on
/// the ServiceRequest.
/// </para>
/// <para>
/// <b>Data minimisation.</b> Only the sections and identifiers of <see cref="NhsSharing.Rule"/>
/// are carried, whatever the hub sent.
/// </para>
/// </remarks>
public static class NhsReferralBundle
{
    static readonly Dictionary<string, string> BasisDescriptions = new()
    {
        ["consent"] = "consent (UK GDPR Article 6(1)(a))",
        ["legal-obligation"] = "legal obligation (UK GDPR Article 6(1)(c))",
        ["vital-interests"] = "vital interests (UK GDPR Article 6(1)(d))",
        ["public-task"] = "public task (UK GDPR Article 6(1)(e))",
    };

    public static Bundle Build(LegRequested leg)
    {
        var resources = new NhsLegResources(leg);
        var basis = leg.LawfulBasis ?? throw new ArgumentException("The leg has no lawful basis; no leg is sent without one.", nameof(leg));
        if (!BasisDescriptions.TryGetValue(basis.Basis, out var basisDescription))
        {
            throw new ArgumentException($"'{basis.Basis}' is not a lawful basis the NHS adapter knows.", nameof(leg));
        }

        var patient = resources.Patient(withContact: true);
        var serviceRequest = resources.ServiceRequest(RequestStatus.Active, patient);
        serviceRequest.ReasonCode = [new CodeableConcept { Text = leg.Summary }];
        serviceRequest.Note = [.. NhsSharing.Rule.SharedSections(leg.Sections).SelectMany(SectionNotes)];

        Consent? consent = null;
        if (basis.Basis == "consent")
        {
            consent = ConsentFor(resources, basis, patient);
            serviceRequest.SupportingInfo = [NhsLegResources.Reference(consent)];
        }
        else
        {
            serviceRequest.Note.Add(new Annotation
            {
                Text = $"[lawful-basis] Shared without the young person's consent, on the lawful basis of {basisDescription}. " +
                    $"Recorded by {basis.RecordedBy} on {NhsLegResources.DateTime(basis.RecordedAt)}." +
                    (basis.Evidence is { } evidence ? $" Evidence: {evidence}" : ""),
            });
        }

        var task = resources.Task(FhirTask.TaskStatus.Requested, serviceRequest, patient, leg.RequestedAt);
        var header = resources.MessageHeader("message-header", "new", serviceRequest);
        return resources.Message("bundle", leg.RequestedAt, header,
        [
            serviceRequest,
            patient,
            .. consent is null ? Array.Empty<Resource>() : [consent],
            task,
            resources.Referrer,
            resources.LocalAuthority,
            resources.Recipient,
        ]);
    }

    static IEnumerable<Annotation> SectionNotes(PlanSection section)
    {
        foreach (var need in section.Needs)
        {
            yield return Note(section, $"Need: {need}");
        }

        foreach (var action in section.Actions)
        {
            yield return Note(section, $"Action: {action}");
        }

        var ownership = string.Join("; ", new[]
        {
            section.Owner is { } owner ? $"Owner: {owner}" : null,
            section.ReviewDate is { } review ? $"review by {review.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null,
        }.OfType<string>());
        if (ownership.Length > 0)
        {
            yield return Note(section, ownership);
        }
    }

    static Annotation Note(PlanSection section, string text) => new() { Text = $"[{section.Code}] {text}" };

    /// <summary>The young person's consent to share these sections with the recipient for their care.</summary>
    static Consent ConsentFor(NhsLegResources resources, LawfulBasis basis, Patient patient) => new()
    {
        Id = resources.IdFor("consent"),
        Status = Consent.ConsentState.Active,
        Scope = new CodeableConcept(NhsSystems.ConsentScope, "patient-privacy", "Privacy Consent", null),
        Category = [new CodeableConcept(NhsSystems.Loinc, "59284-0", "Patient Consent", null)],
        Patient = NhsLegResources.Reference(patient),
        DateTime = NhsLegResources.DateTime(basis.RecordedAt),
        Performer = [NhsLegResources.Reference(patient)],
        Organization = [NhsLegResources.Reference(resources.LocalAuthority)],
        Source = new Attachment
        {
            Title = basis.Evidence is { } evidence ? $"{evidence} (recorded by {basis.RecordedBy})" : $"Recorded by {basis.RecordedBy}",
        },
        PolicyRule = new CodeableConcept(NhsSystems.ActCode, "OPTIN", "opt-in", "Consent under UK GDPR Article 6(1)(a)"),
        Provision = new Consent.provisionComponent
        {
            Type = Consent.ConsentProvisionType.Permit,
            Actor =
            [
                new Consent.provisionActorComponent
                {
                    Role = new CodeableConcept(NhsSystems.ParticipationType, "IRCP", "information recipient", null),
                    Reference = NhsLegResources.Reference(resources.Recipient),
                },
            ],
            Purpose = [new Coding(NhsSystems.ActReason, "TREAT", "treatment")],
        },
    };
}
