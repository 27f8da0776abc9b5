using System.Diagnostics;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using Types = IntegrationHub.Adapters.AdultSocialCare.Answers.AdultSocialCareUpdateTypes;

namespace IntegrationHub.Adapters.AdultSocialCare.Answers;

/// <summary>Turns an adult social care update into the hub's answer message, or rejects it naming each bad field.</summary>
public static class AdultSocialCareUpdateTranslator
{
    /// <summary>
    /// The hub's appointment message needs a place; an assessment is often booked before adult social care
    /// knows where (at home, at college, by video), and the hub's timeline reads "at {location}".
    /// </summary>
    public const string LocationToBeConfirmed = "a place adult social care will confirm";

    /// <summary>
    /// Once eligible needs are found the council must prepare a care and support plan (Care Act 2014 ss.24-25):
    /// the leg is under way, and the hub completes a leg only from under way.
    /// </summary>
    public const string PlanningStarted = "Care and support planning under way.";

    const int ReferenceLength = 200;

    /// <summary>
    /// Namespace of the answer ids the adapter derives: a redelivered update derives the same ones
    /// and the hub's inbox ignores it.
    /// </summary>
    static readonly Guid DerivedAnswerIds = new("8c4e2b7a-1f3d-4a69-b5e0-3d7c9a2f6e14");

    /// <summary>The type-specific fields each type may carry; any other given is an error, never dropped.</summary>
    static readonly Dictionary<string, string[]> FieldsOfType = new()
    {
        [Types.Acknowledged] = ["agencyReference"],
        [Types.AssessmentScheduled] = ["assessmentAt", "location"],
        [Types.EligibleNeedsFound] = ["eligibleNeeds"],
        [Types.NoEligibleNeeds] = ["reason"],
        [Types.Declined] = ["reasonCode", "reason"],
        [Types.Completed] = ["carePlanReference"],
    };

    /// <summary>Reads an update document; JSON that cannot be read is rejected naming the field.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is not JSON of the update's shape.</exception>
    public static AdultSocialCareUpdate Read(string json) => FieldErrors.Read<AdultSocialCareUpdate>(json);

    /// <summary>Reads and translates an update document.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is unreadable or invalid.</exception>
    public static IReadOnlyList<ILegAnswer> Translate(string json) => Translate(Read(json));

    /// <summary>
    /// acknowledged gives <see cref="LegAcknowledged"/>; assessment-scheduled gives <see cref="AppointmentBooked"/>
    /// (the assessment is the appointment), which leaves the leg's status alone; eligible-needs-found gives
    /// <see cref="LegAccepted"/> with the needs as its note, then <see cref="LegStarted"/> (planning begins), whose
    /// answer id is derived from the update's so a resent update derives the same one; no-eligible-needs gives <see cref="LegDeclined"/> with
    /// <see cref="AdultSocialCareDeclineReasons.NoEligibleNeeds"/>, and declined a <see cref="LegDeclined"/> with its
    /// own code; completed gives <see cref="LegCompleted"/>, its outcome naming the care and support plan.
    /// </summary>
    /// <exception cref="AgencyAnswerRejectedException">A field is missing, unknown or not allowed with the type.</exception>
    public static IReadOnlyList<ILegAnswer> Translate(AdultSocialCareUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = new FieldErrors();
        var answerId = errors.Id("answerId", update.AnswerId);
        var legId = errors.Id("legId", update.LegId);
        var type = errors.Code("type", update.Type, Types.All);
        var worker = errors.Text("worker", update.Worker, 200);
        var at = errors.Value("at", update.At);

        if (FieldsOfType.TryGetValue(type, out var allowed))
        {
            (string Field, object? Value)[] given =
            [
                ("agencyReference", update.AgencyReference), ("assessmentAt", update.AssessmentAt), ("location", update.Location),
                ("eligibleNeeds", update.EligibleNeeds), ("reasonCode", update.ReasonCode), ("reason", update.Reason),
                ("carePlanReference", update.CarePlanReference),
            ];
            foreach (var (field, value) in given.Where(g => !allowed.Contains(g.Field)))
            {
                errors.Absent(field, value, $"in a '{type}' update");
            }
        }

        const string agency = AgencyCodes.AdultSocialCare;
        IReadOnlyList<ILegAnswer>? answers = type switch
        {
            Types.Acknowledged => [new LegAcknowledged(answerId, legId, agency, worker, at,
                errors.OptionalText("agencyReference", update.AgencyReference, ReferenceLength))],
            Types.AssessmentScheduled => [new AppointmentBooked(answerId, legId, agency, worker, at,
                errors.Value("assessmentAt", update.AssessmentAt), errors.OptionalText("location", update.Location, 500) ?? LocationToBeConfirmed)],
            Types.EligibleNeedsFound =>
            [
                new LegAccepted(answerId, legId, agency, worker, at, errors.Text("eligibleNeeds", update.EligibleNeeds)),
                new LegStarted(NameBasedGuid.Create(DerivedAnswerIds, $"{answerId:D}/leg-started"), legId, agency, worker, at, PlanningStarted),
            ],
            Types.NoEligibleNeeds => [new LegDeclined(answerId, legId, agency, worker, at,
                AdultSocialCareDeclineReasons.NoEligibleNeeds, errors.Text("reason", update.Reason))],
            Types.Declined => [new LegDeclined(answerId, legId, agency, worker, at,
                errors.Code("reasonCode", update.ReasonCode, AdultSocialCareDeclineReasons.All), errors.Text("reason", update.Reason))],
            Types.Completed => [new LegCompleted(answerId, legId, agency, worker, at,
                $"Care and support plan {errors.Text("carePlanReference", update.CarePlanReference, ReferenceLength)} in place.")],
            _ => null,
        };

        errors.ThrowIfAny();
        return answers ?? throw new UnreachableException($"Type '{type}' passed validation.");
    }
}
