using System.Diagnostics;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Adapters.Housing.Answers;

/// <summary>Turns a housing authority's decision into the hub's answer messages, or rejects it naming each bad field.</summary>
public static class HousingDecisionTranslator
{
    /// <summary>
    /// Namespace of the answer ids the adapter derives: a redelivered decision derives the same ones
    /// and the hub's inbox ignores it.
    /// </summary>
    static readonly Guid DerivedAnswerIds = new("2f1c5a8e-7d4b-4e0f-9a3c-6b8d1e2f4a70");

    /// <summary>Reads a decision document; JSON that cannot be read is rejected naming the field.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is not JSON of the decision's shape.</exception>
    public static HousingDecision Read(string json) => FieldErrors.Read<HousingDecision>(json);

    /// <summary>Reads and translates a decision document.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is unreadable or invalid.</exception>
    public static IReadOnlyList<ILegAnswer> Translate(string json) => Translate(Read(json));

    /// <summary>
    /// acknowledged gives <see cref="LegAcknowledged"/> (the case reference as the agency reference);
    /// accepted gives <see cref="LegAccepted"/> then <see cref="HousingDutyAccepted"/>, whose answer id is
    /// derived from the decision's so a resent decision derives the same one; declined gives
    /// <see cref="LegDeclined"/> with the decline reason as its code.
    /// </summary>
    /// <exception cref="AgencyAnswerRejectedException">A field is missing, unknown or not allowed with the status.</exception>
    public static IReadOnlyList<ILegAnswer> Translate(HousingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var errors = new FieldErrors();
        var answerId = errors.Id("answerId", decision.AnswerId);
        var legId = errors.Id("legId", decision.LegId);
        var status = errors.Code("status", decision.Status, HousingDecisionStatuses.All);
        var officer = errors.Text("officer", decision.Officer, 200);
        var decidedAt = errors.Value("decidedAt", decision.DecidedAt);
        var caseReference = errors.OptionalText("caseReference", decision.CaseReference, 100);
        var reasonText = errors.OptionalText("reasonText", decision.ReasonText);

        string? duty = null, declineReason = null;
        if (status == HousingDecisionStatuses.Accepted)
        {
            duty = errors.Code("duty", decision.Duty, HousingDuties.All);
        }
        else
        {
            errors.Absent("duty", decision.Duty, "unless 'status' is 'accepted'");
        }

        if (status == HousingDecisionStatuses.Declined)
        {
            declineReason = errors.Code("declineReason", decision.DeclineReason, HousingDeclineReasons.All);
            if (declineReason == HousingDeclineReasons.Other && reasonText is null)
            {
                errors.Add("reasonText", "'reasonText' is required when 'declineReason' is 'other'.");
            }
        }
        else
        {
            errors.Absent("declineReason", decision.DeclineReason, "unless 'status' is 'declined'");
        }

        if (status == HousingDecisionStatuses.Acknowledged)
        {
            errors.Absent("reasonText", decision.ReasonText, "when 'status' is 'acknowledged'; an acknowledgement carries no reason");
        }

        errors.ThrowIfAny();

        const string agency = AgencyCodes.Housing;
        return status switch
        {
            HousingDecisionStatuses.Acknowledged =>
                [new LegAcknowledged(answerId, legId, agency, officer, decidedAt, caseReference)],
            HousingDecisionStatuses.Accepted =>
            [
                new LegAccepted(answerId, legId, agency, officer, decidedAt, AcceptedNote(duty!, caseReference, reasonText)),
                new HousingDutyAccepted(
                    NameBasedGuid.Create(DerivedAnswerIds, $"{answerId:D}/housing-duty-accepted"),
                    legId, agency, officer, decidedAt, duty!, caseReference),
            ],
            HousingDecisionStatuses.Declined =>
                [new LegDeclined(answerId, legId, agency, officer, decidedAt, declineReason!, reasonText ?? HousingDeclineReasons.Descriptions[declineReason!])],
            _ => throw new UnreachableException($"Status '{status}' passed validation."),
        };
    }

    static string AcceptedNote(string duty, string? caseReference, string? reasonText)
    {
        var note = duty == HousingDuties.Prevention ? "Prevention duty accepted" : "Relief duty accepted";
        note += caseReference is null ? "." : $" (case {caseReference}).";
        return reasonText is null ? note : $"{note} {reasonText}";
    }
}
