using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Adapters.Nhs.Referrals;
using IntegrationHub.Contracts.V1;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Rest;

/// <summary>
/// A leg as the hub's FHIR REST facade serves it to NHS systems that pull: the same Task,
/// ServiceRequest and Patient as in the referral Bundle, with the leg id as their logical id
/// (ids are opaque in FHIR; one id per leg lets a Task, its ServiceRequest and its Patient be
/// read together) and references relative to the facade.
/// </summary>
public sealed record NhsRestResources(FhirTask Task, ServiceRequest ServiceRequest, Patient Patient)
{
    /// <summary>The leg as it was sent, dressed in its current state on the hub.</summary>
    public static NhsRestResources For(LegRequested leg, LegState state)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(state);
        var bundle = NhsReferralBundle.Build(leg);
        var id = leg.LegId.ToString("D");
        var lastUpdated = state.UpdatedAt.ToUniversalTime();

        var patient = Single<Patient>(bundle);
        patient.Id = id;
        patient.Meta = new Meta { LastUpdated = lastUpdated };

        var serviceRequest = Single<ServiceRequest>(bundle);
        serviceRequest.Id = id;
        serviceRequest.Meta = new Meta { LastUpdated = lastUpdated };
        serviceRequest.Status = state.Status switch
        {
            LegStatusCodes.Cancelled => RequestStatus.Revoked,
            LegStatusCodes.Completed => RequestStatus.Completed,
            _ => RequestStatus.Active,
        };
        serviceRequest.Subject = new ResourceReference($"Patient/{id}");
        serviceRequest.Requester = Display(serviceRequest.Requester);
        serviceRequest.Performer = [.. serviceRequest.Performer.Select(Display)];
        serviceRequest.SupportingInfo = [];

        var task = Single<FhirTask>(bundle);
        task.Id = id;
        task.Meta = new Meta { LastUpdated = lastUpdated };
        task.Status = EnumUtility.ParseLiteral<FhirTask.TaskStatus>(state.Status)
            ?? throw new ArgumentException($"'{state.Status}' is not a FHIR Task status.", nameof(state));
        task.Focus = new ResourceReference($"ServiceRequest/{id}");
        task.For = new ResourceReference($"Patient/{id}");
        task.Owner = Display(task.Owner);
        task.Requester = Display(task.Requester);
        task.LastModified = NhsLegResources.DateTime(state.UpdatedAt);
        if (state.Reason is not null)
        {
            task.StatusReason = new CodeableConcept { Text = state.Reason };
            if (state.ReasonCode is not null)
            {
                task.StatusReason.Coding = [new Coding(NhsSystems.StatusReason, state.ReasonCode)];
            }
        }

        if (state.Outcome is not null)
        {
            task.Output = [new FhirTask.OutputComponent { Type = new CodeableConcept { Text = "outcome" }, Value = new FhirString(state.Outcome) }];
        }

        if (state.AgencyReference is not null)
        {
            task.BusinessStatus = new CodeableConcept { Text = state.AgencyReference };
        }

        return new NhsRestResources(task, serviceRequest, patient);
    }

    static T Single<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().Single();

    // A reference to a resource inside the message Bundle cannot be resolved on the facade; its display stays.
    static ResourceReference Display(ResourceReference? reference) => new() { Display = reference?.Display, Identifier = reference?.Identifier };
}

/// <summary>A leg's current state on the hub.</summary>
public sealed record LegState(string Status, DateTimeOffset UpdatedAt, string? Reason, string? ReasonCode, string? Outcome, string? AgencyReference);
