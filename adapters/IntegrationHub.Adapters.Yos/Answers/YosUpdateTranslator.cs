using System.Diagnostics;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Formats;
using IntegrationHub.Contracts.V1;
using IntegrationHub.ServiceDefaults;
using Types = IntegrationHub.Adapters.Yos.Answers.YosUpdateTypes;

namespace IntegrationHub.Adapters.Yos.Answers;

/// <summary>Turns a YOS update into the hub's answer message, or rejects it naming each bad field.</summary>
public static class YosUpdateTranslator
{
    /// <summary>The type-specific fields each type may carry; any other given is an error, never dropped.</summary>
    static readonly Dictionary<string, string[]> FieldsOfType = new()
    {
        [Types.Accepted] = [],
        [Types.TransitionToProbationDue] = ["dueDate"],
        [Types.CustodyReleasePlanned] = ["releaseDate"],
        [Types.Declined] = ["reasonCode", "reason"],
    };

    /// <summary>Reads an update document; JSON that cannot be read is rejected naming the field.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is not JSON of the update's shape.</exception>
    public static YosUpdate Read(string json) => FieldErrors.Read<YosUpdate>(json);

    /// <summary>Reads and translates an update document.</summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is unreadable or invalid.</exception>
    public static ILegAnswer Translate(string json) => Translate(Read(json));

    /// <summary>
    /// accepted gives <see cref="LegAccepted"/> and declined <see cref="LegDeclined"/>;
    /// transition-to-probation-due gives <see cref="TransitionToProbationDue"/>; custody-release-planned gives
    /// <see cref="CustodyReleasePlanned"/>, the same contract probation's release-date event gives, as it is
    /// the same fact. Neither fact changes the leg's status.
    /// </summary>
    /// <exception cref="AgencyAnswerRejectedException">A field is missing, unknown or not allowed with the type.</exception>
    public static ILegAnswer Translate(YosUpdate update)
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
                [("dueDate", update.DueDate), ("releaseDate", update.ReleaseDate), ("reasonCode", update.ReasonCode), ("reason", update.Reason)];
            foreach (var (field, value) in given.Where(g => !allowed.Contains(g.Field)))
            {
                errors.Absent(field, value, $"in a '{type}' update");
            }
        }

        const string agency = AgencyCodes.Yos;
        ILegAnswer? answer = type switch
        {
            Types.Accepted => new LegAccepted(answerId, legId, agency, officer, at, null),
            Types.TransitionToProbationDue => new TransitionToProbationDue(answerId, legId, agency, officer, at, errors.Value("dueDate", update.DueDate)),
            Types.CustodyReleasePlanned => new CustodyReleasePlanned(answerId, legId, agency, officer, at, errors.Value("releaseDate", update.ReleaseDate)),
            Types.Declined => new LegDeclined(answerId, legId, agency, officer, at, errors.Code("reasonCode", update.ReasonCode), errors.Text("reason", update.Reason)),
            _ => null,
        };

        errors.ThrowIfAny();
        return answer ?? throw new UnreachableException($"Type '{type}' passed validation.");
    }
}
