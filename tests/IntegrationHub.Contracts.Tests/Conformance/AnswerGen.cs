using System.Text.Json.Nodes;
using CsCheck;
using IntegrationHub.Adapters.AdultSocialCare.Answers;
using IntegrationHub.Adapters.Dwp.Answers;
using IntegrationHub.Adapters.Housing.Answers;
using IntegrationHub.Adapters.Probation.Answers;
using IntegrationHub.Adapters.Yos.Answers;

namespace IntegrationHub.Contracts.Tests.Conformance;

/// <summary>
/// Answer documents as agencies' systems may send them: mostly well formed for their type, some with a field
/// missing, one not allowed with the type, a value of the wrong kind, an unknown code, or a property the
/// hub does not know, so that both what the translators accept and what they refuse are reached.
/// </summary>
public static class AnswerGen
{
    /// <summary>One field of an answer document: the types it belongs to (none: every type), and its good values.</summary>
    sealed record Field(string Name, Gen<JsonNode> Good, params string[] OfTypes);

    static readonly Gen<JsonNode> Id = Gen.Guid.Select(g => (JsonNode)JsonValue.Create(g.ToString()));
    static readonly Gen<JsonNode> Words = LegGen.Text.Select(t => (JsonNode)JsonValue.Create(t));
    static readonly Gen<JsonNode> Instant = LegGen.Instant.Select(t => (JsonNode)JsonValue.Create(t.ToString("O")));
    static readonly Gen<JsonNode> Day = Gen.DateOnly[new DateOnly(2024, 1, 1), new DateOnly(2028, 12, 31)].Select(d => (JsonNode)JsonValue.Create(d.ToString("yyyy-MM-dd")));

    static Gen<JsonNode> OneOf(IEnumerable<string> codes) => Gen.OneOf([.. codes]).Select(c => (JsonNode)JsonValue.Create(c));

    /// <summary>Values no field of any answer takes: the wrong JSON kind, an empty or blank string, an unknown code.</summary>
    static readonly Gen<JsonNode?> Bad = Gen.OneOf<JsonNode?>(
        JsonValue.Create("not-a-known-code"), JsonValue.Create(""), JsonValue.Create("   "), JsonValue.Create(42), JsonValue.Create(true),
        new JsonArray(), new JsonObject(), null, JsonValue.Create("2026-13-45"), JsonValue.Create("00000000-0000-0000-0000-000000000000"));

    /// <summary>The generator of an agency's answer document, by the document's name.</summary>
    public static Gen<JsonObject> For(string document) => document switch
    {
        "housing.decision" => HousingDecision,
        "dwp.jobcentre-update" => JobcentreUpdate,
        "probation.event" => ProbationEvent,
        "yos.update" => YosUpdate,
        "asc.update" => AdultSocialCareUpdate,
        _ => throw new ArgumentOutOfRangeException(nameof(document), document, "No answer generator for this document: add one."),
    };

    public static Gen<JsonObject> HousingDecision => Document("status", HousingDecisionStatuses.All,
        new Field("answerId", Id),
        new Field("legId", Id),
        new Field("officer", Words),
        new Field("decidedAt", Instant),
        new Field("caseReference", Words),
        new Field("duty", OneOf(HousingDuties.All), HousingDecisionStatuses.Accepted),
        new Field("declineReason", OneOf(HousingDeclineReasons.All), HousingDecisionStatuses.Declined),
        new Field("reasonText", Words, HousingDecisionStatuses.Accepted, HousingDecisionStatuses.Declined));

    public static Gen<JsonObject> JobcentreUpdate => Document("type", JobcentreUpdateTypes.All,
        new Field("answerId", Id),
        new Field("legId", Id),
        new Field("officer", Words),
        new Field("at", Instant),
        new Field("appointmentAt", Instant, JobcentreUpdateTypes.AppointmentBooked),
        new Field("location", Words, JobcentreUpdateTypes.AppointmentBooked),
        new Field("text", Words, JobcentreUpdateTypes.Accepted, JobcentreUpdateTypes.ClaimUpdate, JobcentreUpdateTypes.SanctionDecided),
        new Field("proposedDate", Day, JobcentreUpdateTypes.SanctionProposed),
        new Field("reason", Words, JobcentreUpdateTypes.SanctionProposed, JobcentreUpdateTypes.Declined),
        new Field("decision", OneOf(SanctionDecisions.All), JobcentreUpdateTypes.SanctionDecided),
        new Field("reasonCode", OneOf(JobcentreDeclineReasons.Descriptions.Keys), JobcentreUpdateTypes.Declined));

    public static Gen<JsonObject> YosUpdate => Document("type", YosUpdateTypes.All,
        new Field("answerId", Id),
        new Field("legId", Id),
        new Field("officer", Words),
        new Field("at", Instant),
        new Field("dueDate", Day, YosUpdateTypes.TransitionToProbationDue),
        new Field("releaseDate", Day, YosUpdateTypes.CustodyReleasePlanned),
        new Field("reasonCode", OneOf(YosDeclineReasons.Descriptions.Keys), YosUpdateTypes.Declined),
        new Field("reason", Words, YosUpdateTypes.Declined));

    public static Gen<JsonObject> AdultSocialCareUpdate => Document("type", AdultSocialCareUpdateTypes.All,
        new Field("answerId", Id),
        new Field("legId", Id),
        new Field("worker", Words),
        new Field("at", Instant),
        new Field("agencyReference", Words, AdultSocialCareUpdateTypes.Acknowledged),
        new Field("assessmentAt", Instant, AdultSocialCareUpdateTypes.AssessmentScheduled),
        new Field("location", Words, AdultSocialCareUpdateTypes.AssessmentScheduled),
        new Field("eligibleNeeds", Words, AdultSocialCareUpdateTypes.EligibleNeedsFound),
        new Field("reasonCode", OneOf(AdultSocialCareDeclineReasons.All), AdultSocialCareUpdateTypes.Declined),
        new Field("reason", Words, AdultSocialCareUpdateTypes.NoEligibleNeeds, AdultSocialCareUpdateTypes.Declined),
        new Field("carePlanReference", Words, AdultSocialCareUpdateTypes.Completed));

    /// <summary>A probation event: its type-specific fields sit in <c>additionalInformation</c>, with the leg id.</summary>
    public static Gen<JsonObject> ProbationEvent =>
        Gen.Select(
            Document("eventType", ProbationEventTypes.All,
                new Field("version", Gen.Const((JsonNode)JsonValue.Create(1))),
                new Field("answerId", Id),
                new Field("occurredAt", Instant),
                new Field("officer", Words),
                new Field("description", Words)),
            Gen.Int[0, 99])
        .SelectMany((outer, roll) =>
        {
            var type = outer["eventType"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? outer["eventType"]!.GetValue<string>() : "";
            return Document(null, [type],
                    new Field("legId", Id),
                    new Field("releaseDate", Day, ProbationEventTypes.ReleaseDatePlanned),
                    new Field("endedOn", Day, ProbationEventTypes.SupervisionEnded),
                    new Field("reason", Words, ProbationEventTypes.SupervisionEnded))
                .Select(info =>
                {
                    if (roll > 2)
                    {
                        outer["additionalInformation"] = info;
                    }

                    return outer;
                });
        });

    /// <summary>
    /// A document of one type (its discriminator mostly a known code): each field of the type mostly present
    /// and good, sometimes missing or bad; each field of another type mostly absent; now and then an unknown property.
    /// </summary>
    static Gen<JsonObject> Document(string? discriminator, IReadOnlyList<string> types, params Field[] fields) =>
        Gen.Select(
            Gen.Frequency((19, OneOf(types).Select(t => (JsonNode?)t)), (1, Bad)),
            LegGen.Each(fields.Select(FieldValue)),
            Gen.Int[0, 99])
        .Select((type, values, extra) =>
        {
            var document = new JsonObject();
            if (discriminator is not null && type is not null)
            {
                document[discriminator] = type.DeepClone();
            }

            var typeName = discriminator is null ? types[0] : type?.GetValueKind() == System.Text.Json.JsonValueKind.String ? type.GetValue<string>() : "";
            for (var i = 0; i < fields.Length; i++)
            {
                var (ofType, otherType) = values[i];
                var value = fields[i].OfTypes.Length == 0 || fields[i].OfTypes.Contains(typeName) ? ofType : otherType;
                if (value.Present)
                {
                    document[fields[i].Name] = value.Node?.DeepClone();
                }
            }

            if (extra < 5)
            {
                document["partnerNote"] = "A property the hub does not read.";
            }

            return document;
        });

    /// <summary>A field's value if it belongs to the document's type, and if it does not.</summary>
    static Gen<(Value OfType, Value OtherType)> FieldValue(Field field) =>
        Gen.Select(
            Gen.Frequency(
                (90, field.Good.Select(n => new Value(true, n))),
                (5, Gen.Const(new Value(false, null))),
                (5, Bad.Select(n => new Value(true, n)))),
            Gen.Frequency(
                (92, Gen.Const(new Value(false, null))),
                (8, field.Good.Select(n => new Value(true, n)))));

    readonly record struct Value(bool Present, JsonNode? Node);
}
