using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Adapters.Nhs.Fhir;
using IntegrationHub.Contracts.V1;
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
/// is an <see cref="AgencyAnswerRejectedException"/> naming the element: the adapter never guesses.
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

    public static ILegAnswer FromTask(FhirTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var status = task.Status ?? throw new AgencyAnswerRejectedException("Task.status", "The Task has no status.");
        var legId = LegId(task);
        var by = AnsweredBy(task);
        var at = LastModified(task);
        var answerId = NameBasedGuid.Create(DerivedAnswerIds,
            $"{legId:D}|{task.Id}|{status.GetLiteral()}|{at.ToString("O", CultureInfo.InvariantCulture)}");
        const string Agency = AgencyCodes.Nhs;

        return status switch
        {
            FhirTask.TaskStatus.Received => new LegAcknowledged(answerId, legId, Agency, by, at, AgencyReference(task)),
            FhirTask.TaskStatus.Accepted => new LegAccepted(answerId, legId, Agency, by, at, Note(task)),
            FhirTask.TaskStatus.Rejected => new LegDeclined(answerId, legId, Agency, by, at, ReasonCode(task), ReasonText(task)),
            FhirTask.TaskStatus.InProgress => new LegStarted(answerId, legId, Agency, by, at, Note(task)),
            FhirTask.TaskStatus.OnHold => new LegPutOnHold(answerId, legId, Agency, by, at, ReasonText(task)),
            FhirTask.TaskStatus.Completed => new LegCompleted(answerId, legId, Agency, by, at, Outcome(task)),
            _ => throw new AgencyAnswerRejectedException("Task.status",
                $"Task.status '{status.GetLiteral()}' is not an answer an agency can give; expected received, accepted, rejected, in-progress, on-hold or completed."),
        };
    }

    static Guid LegId(FhirTask task)
    {
        var values = task.Identifier.Where(i => i.System == NhsSystems.Leg).Select(i => i.Value).Distinct().ToList();
        return values switch
        {
            [] => throw new AgencyAnswerRejectedException("Task.identifier", $"The Task has no identifier with system '{NhsSystems.Leg}', so it names no leg."),
            [var value] when Guid.TryParse(value, out var legId) => legId,
            [_] => throw new AgencyAnswerRejectedException("Task.identifier", $"The Task's '{NhsSystems.Leg}' identifier is not a leg id (a UUID)."),
            _ => throw new AgencyAnswerRejectedException("Task.identifier", $"The Task has {values.Count} different '{NhsSystems.Leg}' identifiers; it must name one leg."),
        };
    }

    /// <summary>The owner as people know it: its name and ODS code when both are given.</summary>
    static string AnsweredBy(FhirTask task)
    {
        var owner = task.Owner ?? throw new AgencyAnswerRejectedException("Task.owner", "The Task has no owner, so it says nobody answered.");
        var code = owner.Identifier?.Value;
        var name = owner.Display;
        return (string.IsNullOrWhiteSpace(name), string.IsNullOrWhiteSpace(code)) switch
        {
            (false, false) => $"{name} (ODS {code})",
            (false, true) => name!,
            (true, false) => $"ODS {code}",
            _ => string.IsNullOrWhiteSpace(owner.Reference)
                ? throw new AgencyAnswerRejectedException("Task.owner", "Task.owner has no display, identifier or reference, so it says nobody answered.")
                : owner.Reference,
        };
    }

    static DateTimeOffset LastModified(FhirTask task)
    {
        if (task.LastModifiedElement is null)
        {
            throw new AgencyAnswerRejectedException("Task.lastModified", "The Task has no lastModified, so it does not say when it was answered.");
        }

        if (!task.LastModifiedElement.TryToSystemDateTime(out var value) || !value.IsInstant)
        {
            throw new AgencyAnswerRejectedException("Task.lastModified", "Task.lastModified must be a date and time with seconds and a time zone.");
        }

        return value.ToDateTimeOffset(TimeSpan.Zero).ToUniversalTime();
    }

    /// <summary>The NHS system's own reference for the work: its first business identifier that is not the hub's.</summary>
    static string? AgencyReference(FhirTask task) =>
        task.Identifier.FirstOrDefault(i => i.System != NhsSystems.Leg && !string.IsNullOrWhiteSpace(i.Value))?.Value;

    static string? Note(FhirTask task) =>
        Text(task.StatusReason) ?? (task.Note.Select(n => n.Text).OfType<string>().ToList() is { Count: > 0 } notes ? string.Join("\n", notes) : null);

    static string ReasonCode(FhirTask task)
    {
        var statusReason = task.StatusReason ?? throw new AgencyAnswerRejectedException("Task.statusReason", "A rejected Task must say why in statusReason.");
        return statusReason.Coding.Select(c => c.Code).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c))
            ?? throw new AgencyAnswerRejectedException("Task.statusReason.coding", "A rejected Task must give a reason code in statusReason.coding.");
    }

    static string ReasonText(FhirTask task)
    {
        var status = task.Status.GetLiteral();
        var statusReason = task.StatusReason ?? throw new AgencyAnswerRejectedException("Task.statusReason", $"A Task that is {status} must say why in statusReason.");
        return Text(statusReason)
            ?? throw new AgencyAnswerRejectedException("Task.statusReason.text", $"A Task that is {status} must say why in statusReason.text (or a coding's display).");
    }

    static string Outcome(FhirTask task) =>
        task.Output.Select(o => o.Value switch
        {
            FhirString s => s.Value,
            CodeableConcept c => Text(c),
            _ => null,
        }).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
        ?? throw new AgencyAnswerRejectedException("Task.output", "A completed Task must give its outcome in an output valueString or valueCodeableConcept.");

    static string? Text(CodeableConcept? concept) =>
        concept is null ? null
        : !string.IsNullOrWhiteSpace(concept.Text) ? concept.Text
        : concept.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
}
