using System.Diagnostics;
using System.Globalization;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using Types = IntegrationHub.Adapters.Probation.Answers.ProbationEventTypes;

namespace IntegrationHub.Adapters.Probation.Answers;

/// <summary>Turns a probation event into the hub's answer message, or rejects it naming each bad field.</summary>
public static class ProbationEventTranslator
{
    const string Info = "additionalInformation";

    /// <summary>
    /// Namespace of the answer ids the adapter derives: an event without an answer id, sent again,
    /// derives the same one and the hub's inbox ignores it.
    /// </summary>
    static readonly Guid DerivedAnswerIds = new("d3c1e7a2-5b94-4f6e-8a1d-7c2b9e0f3a56");

    /// <summary>The additionalInformation fields each event type may carry; any other given is an error, never dropped.</summary>
    static readonly Dictionary<string, string[]> FieldsOfType = new()
    {
        [Types.ReferralAccepted] = [],
        [Types.ReleaseDatePlanned] = [$"{Info}.releaseDate"],
        [Types.SupervisionEnded] = [$"{Info}.endedOn", $"{Info}.reason"],
    };

    /// <summary>Reads an event document; JSON that cannot be read is rejected naming the field.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is not JSON of the event's shape.</exception>
    public static ProbationEvent Read(string json) => FieldErrors.Read<ProbationEvent>(json);

    /// <summary>Reads and translates an event document.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is unreadable or invalid.</exception>
    public static ILegAnswer Translate(string json) => Translate(Read(json));

    /// <summary>
    /// probation.referral.accepted gives <see cref="LegAccepted"/>; probation.release-date.planned gives
    /// <see cref="CustodyReleasePlanned"/> (the same fact the YOS reports, so one contract serves both);
    /// probation.supervision.ended gives <see cref="SupervisionEnded"/>.
    /// </summary>
    /// <exception cref="AgencyAnswerRejectedException">A field is missing, unknown or not allowed with the event type.</exception>
    public static ILegAnswer Translate(ProbationEvent probationEvent)
    {
        ArgumentNullException.ThrowIfNull(probationEvent);
        var errors = new FieldErrors();
        var info = probationEvent.AdditionalInformation ?? new ProbationEventInformation(null);
        var eventType = errors.Code("eventType", probationEvent.EventType, Types.All);
        if (probationEvent.Version is { } version && version != 1)
        {
            errors.Add("version", $"Version {version} of '{eventType}' is not known; the hub reads version 1.");
        }

        if (probationEvent.AnswerId == Guid.Empty)
        {
            errors.Add("answerId", "'answerId' must not be the empty id; leave it out to have one derived.");
        }

        var occurredAt = errors.Value("occurredAt", probationEvent.OccurredAt);
        var officer = errors.Text("officer", probationEvent.Officer, 200);
        var description = errors.OptionalText("description", probationEvent.Description);
        var legId = errors.Id($"{Info}.legId", info.LegId);

        if (FieldsOfType.TryGetValue(eventType, out var allowed))
        {
            (string Field, object? Value)[] given =
                [($"{Info}.releaseDate", info.ReleaseDate), ($"{Info}.endedOn", info.EndedOn), ($"{Info}.reason", info.Reason)];
            foreach (var (field, value) in given.Where(g => !allowed.Contains(g.Field)))
            {
                errors.Absent(field, value, $"in a '{eventType}' event");
            }
        }

        var answerId = probationEvent.AnswerId ?? NameBasedGuid.Create(
            DerivedAnswerIds, $"{eventType}|{legId:D}|{occurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)}");
        const string agency = AgencyCodes.Probation;
        ILegAnswer? answer = eventType switch
        {
            Types.ReferralAccepted => new LegAccepted(answerId, legId, agency, officer, occurredAt, description),
            Types.ReleaseDatePlanned => new CustodyReleasePlanned(answerId, legId, agency, officer, occurredAt,
                errors.Value($"{Info}.releaseDate", info.ReleaseDate)),
            Types.SupervisionEnded => new SupervisionEnded(answerId, legId, agency, officer, occurredAt,
                errors.Value($"{Info}.endedOn", info.EndedOn), errors.Text($"{Info}.reason", info.Reason)),
            _ => null,
        };

        errors.ThrowIfAny();
        return answer ?? throw new UnreachableException($"Event type '{eventType}' passed validation.");
    }
}
