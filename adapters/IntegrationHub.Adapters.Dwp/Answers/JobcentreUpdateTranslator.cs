using System.Diagnostics;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using Types = IntegrationHub.Adapters.Dwp.Answers.JobcentreUpdateTypes;

namespace IntegrationHub.Adapters.Dwp.Answers;

/// <summary>Turns a Jobcentre update into the hub's answer message, or rejects it naming each bad field.</summary>
public static class JobcentreUpdateTranslator
{
    /// <summary>The type-specific fields each type may carry; any other given is an error, never dropped.</summary>
    static readonly Dictionary<string, string[]> FieldsOfType = new()
    {
        [Types.Accepted] = ["text"],
        [Types.AppointmentBooked] = ["appointmentAt", "location"],
        [Types.ClaimUpdate] = ["text"],
        [Types.SanctionProposed] = ["proposedDate", "reason"],
        [Types.SanctionDecided] = ["decision", "text"],
        [Types.Declined] = ["reasonCode", "reason"],
    };

    /// <summary>Reads an update document; JSON that cannot be read is rejected naming the field.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is not JSON of the update's shape.</exception>
    public static JobcentreUpdate Read(string json) => FieldErrors.Read<JobcentreUpdate>(json);

    /// <summary>Reads and translates an update document.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is unreadable or invalid.</exception>
    public static ILegAnswer Translate(string json) => Translate(Read(json));

    /// <summary>
    /// accepted gives <see cref="LegAccepted"/> and declined <see cref="LegDeclined"/>; the others are facts
    /// that leave the leg's status alone: <see cref="AppointmentBooked"/>, <see cref="ClaimUpdated"/>,
    /// <see cref="SanctionProposed"/>, <see cref="SanctionDecided"/>.
    /// </summary>
    /// <exception cref="AgencyAnswerRejectedException">A field is missing, unknown or not allowed with the type.</exception>
    public static ILegAnswer Translate(JobcentreUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var errors = new FieldErrors();
        var answerId = errors.Id("answerId", update.AnswerId);
        var legId = errors.Id("legId", update.LegId);
        var type = errors.Code("type", update.Type, Types.All);
        var officer = errors.Text("officer", update.Officer, 200);
        var at = errors.Value("at", update.At);

        if (FieldsOfType.TryGetValue(type, out var allowed))
        {
            (string Field, object? Value)[] given =
            [
                ("appointmentAt", update.AppointmentAt), ("location", update.Location), ("text", update.Text),
                ("proposedDate", update.ProposedDate), ("reason", update.Reason), ("decision", update.Decision), ("reasonCode", update.ReasonCode),
            ];
            foreach (var (field, value) in given.Where(g => !allowed.Contains(g.Field)))
            {
                errors.Absent(field, value, $"in a '{type}' update");
            }
        }

        const string agency = AgencyCodes.Dwp;
        ILegAnswer? answer = type switch
        {
            Types.Accepted => new LegAccepted(answerId, legId, agency, officer, at, errors.OptionalText("text", update.Text)),
            Types.AppointmentBooked => new AppointmentBooked(answerId, legId, agency, officer, at,
                errors.Value("appointmentAt", update.AppointmentAt), errors.Text("location", update.Location, 500)),
            Types.ClaimUpdate => new ClaimUpdated(answerId, legId, agency, officer, at, errors.Text("text", update.Text)),
            Types.SanctionProposed => new SanctionProposed(answerId, legId, agency, officer, at,
                errors.Value("proposedDate", update.ProposedDate), errors.Text("reason", update.Reason)),
            Types.SanctionDecided => new SanctionDecided(answerId, legId, agency, officer, at,
                errors.Code("decision", update.Decision, SanctionDecisions.All), errors.OptionalText("text", update.Text)),
            Types.Declined => new LegDeclined(answerId, legId, agency, officer, at,
                errors.Code("reasonCode", update.ReasonCode), errors.Text("reason", update.Reason)),
            _ => null,
        };

        errors.ThrowIfAny();
        return answer ?? throw new UnreachableException($"Type '{type}' passed validation.");
    }
}
