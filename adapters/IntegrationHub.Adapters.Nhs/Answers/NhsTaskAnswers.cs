using System.Diagnostics;
using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using FhirTask = Hl7.Fhir.Model.Task;

namespace IntegrationHub.Adapters.Nhs.Answers;

/// <summary>
/// Turns the Task an NHS system sends back (the leg's Task, updated) into the hub's answer message:
/// <c>received</c> → <see cref="LegAcknowledged"/>, <c>accepted</c> → <see cref="LegAccepted"/>,
/// <c>rejected</c> → <see cref="LegDeclined"/>, <c>in-progress</c> → <see cref="LegStarted"/>,
/// <c>on-hold</c> → <see cref="LegPutOnHold"/>, <c>completed</c> → <see cref="LegCompleted"/>.
/// </summary>
/// <remarks>
/// The leg is the Task's identifier in <see cref="NhsSystems.Leg"/>; who answered is
/// <c>Task.owner</c>; when is <c>Task.lastModified</c>. Anything the answer needs and the Task lacks
/// is an <see cref="AgencyAnswerRejectedException"/> naming every such element at once: the adapter never guesses.
/// The answer id is a name-based UUID of the leg, the Task id, the status and lastModified, so an
/// NHS system that sends the same update twice gets the same answer id, and the hub's inbox makes
/// the second one harmless.
/// </remarks>
public static class NhsTaskAnswers
{
    /// <summary>Namespace of the answer ids the adapter derives from NHS Task updates.</summary>
    static readonly Guid DerivedAnswerIds = new("89b53423-ff67-4c17-b1c8-e0a8ecfd9ff1");

    /// <summary>Parses FHIR JSON with the Firely SDK and maps the Task it must hold.</summary>
    public static ILegAnswer FromJson(string json)
    {
        Resource resource;
        try
        {
            resource = NhsFhirJson.Deserialize(json);
        }
        catch (FormatException e)
        {
            throw new AgencyAnswerRejectedException("Task", e.Message, e);
        }

        return resource is FhirTask task
            ? FromTask(task)
            : throw new AgencyAnswerRejectedException("Task", $"Expected a FHIR Task, but the JSON is a {resource.TypeName}.");
    }

    /// <exception cref="AgencyAnswerRejectedException">The Task lacks what its answer needs: the exception names every element.</exception>
    public static ILegAnswer FromTask(FhirTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var errors = new FieldErrors();
        var status = Status(task, errors);
        var legId = LegId(task, errors);
        var by = AnsweredBy(task, errors);
        var at = LastModified(task, errors);
        var reasonCode = status == FhirTask.TaskStatus.Rejected ? ReasonCode(task, errors) : null;
        var reasonText = status is FhirTask.TaskStatus.Rejected or FhirTask.TaskStatus.OnHold ? ReasonText(task, status.Value, errors) : null;
        var outcome = status == FhirTask.TaskStatus.Completed ? Outcome(task, errors) : null;
        errors.ThrowIfAny();

        var answerId = NameBasedGuid.Create(DerivedAnswerIds,
            $"{legId:D}|{task.Id}|{status.GetLiteral()}|{at.ToString("O", CultureInfo.InvariantCulture)}");
        const string Agency = AgencyCodes.Nhs;
        return status switch
        {
            FhirTask.TaskStatus.Received => new LegAcknowledged(answerId, legId, Agency, by, at, AgencyReference(task)),
            FhirTask.TaskStatus.Accepted => new LegAccepted(answerId, legId, Agency, by, at, Note(task)),
            FhirTask.TaskStatus.Rejected => new LegDeclined(answerId, legId, Agency, by, at, reasonCode!, reasonText!),
            FhirTask.TaskStatus.InProgress => new LegStarted(answerId, legId, Agency, by, at, Note(task)),
            FhirTask.TaskStatus.OnHold => new LegPutOnHold(answerId, legId, Agency, by, at, reasonText!),
            FhirTask.TaskStatus.Completed => new LegCompleted(answerId, legId, Agency, by, at, outcome!),
            _ => throw new UnreachableException($"Task.status '{status.GetLiteral()}' passed validation."),
        };
    }

    /// <summary>The status, when it is one an agency answers with; <c>null</c> (and an error) when not.</summary>
    static FhirTask.TaskStatus? Status(FhirTask task, FieldErrors errors)
    {
        switch (task.Status)
        {
            case null:
                errors.Add("Task.status", "The Task has no status.");
                return null;
            case FhirTask.TaskStatus.Received or FhirTask.TaskStatus.Accepted or FhirTask.TaskStatus.Rejected
                or FhirTask.TaskStatus.InProgress or FhirTask.TaskStatus.OnHold or FhirTask.TaskStatus.Completed:
                return task.Status;
            default:
                errors.Add("Task.status",
                    $"Task.status '{task.Status.GetLiteral()}' is not an answer an agency can give; expected received, accepted, rejected, in-progress, on-hold or completed.");
                return null;
        }
    }

    static Guid LegId(FhirTask task, FieldErrors errors)
    {
        var values = task.Identifier.Where(i => i.System == NhsSystems.Leg).Select(i => i.Value).Distinct().ToList();
        if (values is [var value] && Guid.TryParse(value, out var legId))
        {
            return legId;
        }

        errors.Add("Task.identifier", values switch
        {
            [] => $"The Task has no identifier with system '{NhsSystems.Leg}', so it names no leg.",
            [_] => $"The Task's '{NhsSystems.Leg}' identifier is not a leg id (a UUID).",
            _ => $"The Task has {values.Count} different '{NhsSystems.Leg}' identifiers; it must name one leg.",
        });
        return Guid.Empty;
    }

    /// <summary>The owner as people know it: its name and ODS code when both are given.</summary>
    static string AnsweredBy(FhirTask task, FieldErrors errors)
    {
        if (task.Owner is not { } owner)
        {
            errors.Add("Task.owner", "The Task has no owner, so it says nobody answered.");
            return "";
        }

        var code = owner.Identifier?.Value;
        var name = owner.Display;
        switch (string.IsNullOrWhiteSpace(name), string.IsNullOrWhiteSpace(code))
        {
            case (false, false):
                return $"{name} (ODS {code})";
            case (false, true):
                return name!;
            case (true, false):
                return $"ODS {code}";
            default:
                if (string.IsNullOrWhiteSpace(owner.Reference))
                {
                    errors.Add("Task.owner", "Task.owner has no display, identifier or reference, so it says nobody answered.");
                    return "";
                }

                return owner.Reference;
        }
    }

    static DateTimeOffset LastModified(FhirTask task, FieldErrors errors)
    {
        if (task.LastModifiedElement is null)
        {
            errors.Add("Task.lastModified", "The Task has no lastModified, so it does not say when it was answered.");
            return default;
        }

        if (!task.LastModifiedElement.TryToSystemDateTime(out var value) || !value.IsInstant)
        {
            errors.Add("Task.lastModified", "Task.lastModified must be a date and time with seconds and a time zone.");
            return default;
        }

        return value.ToDateTimeOffset(TimeSpan.Zero).ToUniversalTime();
    }

    /// <summary>The NHS system's own reference for the work: its first business identifier that is not the hub's.</summary>
    static string? AgencyReference(FhirTask task) =>
        task.Identifier.FirstOrDefault(i => i.System != NhsSystems.Leg && !string.IsNullOrWhiteSpace(i.Value))?.Value;

    static string? Note(FhirTask task) =>
        Text(task.StatusReason) ?? (task.Note.Select(n => n.Text).OfType<string>().ToList() is { Count: > 0 } notes ? string.Join("\n", notes) : null);

    /// <summary>The decline's code; a missing statusReason is <see cref="ReasonText"/>'s to report, once.</summary>
    static string ReasonCode(FhirTask task, FieldErrors errors)
    {
        if (task.StatusReason is not { } statusReason)
        {
            return "";
        }

        var code = statusReason.Coding.Select(c => c.Code).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        if (code is null)
        {
            errors.Add("Task.statusReason.coding", "A rejected Task must give a reason code in statusReason.coding.");
        }

        return code ?? "";
    }

    static string ReasonText(FhirTask task, FhirTask.TaskStatus status, FieldErrors errors)
    {
        if (task.StatusReason is not { } statusReason)
        {
            errors.Add("Task.statusReason", $"A Task that is {status.GetLiteral()} must say why in statusReason.");
            return "";
        }

        var text = Text(statusReason);
        if (text is null)
        {
            errors.Add("Task.statusReason.text", $"A Task that is {status.GetLiteral()} must say why in statusReason.text (or a coding's display).");
        }

        return text ?? "";
    }

    static string Outcome(FhirTask task, FieldErrors errors)
    {
        var outcome = task.Output.Select(o => o.Value switch
        {
            FhirString s => s.Value,
            CodeableConcept c => Text(c),
            _ => null,
        }).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (outcome is null)
        {
            errors.Add("Task.output", "A completed Task must give its outcome in an output valueString or valueCodeableConcept.");
        }

        return outcome ?? "";
    }

    static string? Text(CodeableConcept? concept) =>
        concept is null ? null
        : !string.IsNullOrWhiteSpace(concept.Text) ? concept.Text
        : concept.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
}
