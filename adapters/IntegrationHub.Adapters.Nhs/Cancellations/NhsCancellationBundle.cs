using Hl7.Fhir.Model;
using IntegrationHub.Adapters.Nhs.Referrals;
using IntegrationHub.Contracts.V1;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Cancellations;

/// <summary>
/// Turns a cancelled NHS leg into a BaRS cancellation: a stripped-back message Bundle whose
/// MessageHeader keeps the request's event (<c>servicerequest-request</c>) with reason
/// <c>update</c>, whose ServiceRequest (the same id as in the referral) is <c>revoked</c> or
/// <c>entered-in-error</c>, and whose Task (the same id too) is <c>cancelled</c> with the reason. A withdrawn
/// consent revokes the request as changed circumstances do; the Task's reason says it was the consent.
/// </summary>
/// <remarks>
/// A BaRS cancellation's ServiceRequest must name its subject so the receiver can match it; it is
/// built from the leg as it was sent (<see cref="LegCancelled.Leg"/>). Only what the receiver needs
/// to match the referral travels again: no plan sections, no consent, no contact details.
/// </remarks>
public static class NhsCancellationBundle
{
    public static Bundle Build(LegCancelled cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        var requested = cancelled.Leg;
        if (cancelled.LegId != requested.LegId)
        {
            throw new ArgumentException($"The cancellation is for leg {cancelled.LegId}, but the request is leg {requested.LegId}.", nameof(cancelled));
        }

        if (cancelled.Agency != AgencyCodes.Nhs)
        {
            throw new ArgumentException($"The NHS adapter translates only legs for '{AgencyCodes.Nhs}', not for '{cancelled.Agency}'.", nameof(cancelled));
        }

        if (cancelled.Recipient is { } recipient && recipient.Code != requested.Recipient.Code)
        {
            throw new ArgumentException($"The cancellation is addressed to '{recipient.Code}', but the leg was sent to '{requested.Recipient.Code}'.", nameof(cancelled));
        }

        if (string.IsNullOrWhiteSpace(cancelled.Reason))
        {
            throw new ArgumentException("A cancellation needs a reason (Reason).", nameof(cancelled));
        }

        var resources = new NhsLegResources(requested);
        var patient = resources.Patient(withContact: false);
        var serviceRequest = resources.ServiceRequest(
            cancelled.Kind switch
            {
                CancellationKinds.CircumstancesChanged or CancellationKinds.ConsentWithdrawn => RequestStatus.Revoked,
                CancellationKinds.EnteredInError => RequestStatus.EnteredInError,
                _ => throw new ArgumentException($"'{cancelled.Kind}' is not a cancellation kind.", nameof(cancelled)),
            },
            patient);

        var task = resources.Task(FhirTask.TaskStatus.Cancelled, serviceRequest, patient, cancelled.CancelledAt);
        task.StatusReason = new CodeableConcept { Text = cancelled.Reason };
        task.Note = [new Annotation { Author = new FhirString(cancelled.CancelledBy), Time = NhsLegResources.DateTime(cancelled.CancelledAt), Text = cancelled.Reason }];

        var role = cancelled.Kind == CancellationKinds.EnteredInError ? "entered-in-error" : "revoked";
        var header = resources.MessageHeader($"message-header/cancel/{role}", "update", serviceRequest);
        return resources.Message($"bundle/cancel/{role}", cancelled.CancelledAt, header,
            [serviceRequest, patient, task, resources.Referrer, resources.LocalAuthority, resources.Recipient]);
    }
}
