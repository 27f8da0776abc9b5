using System.Text.RegularExpressions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Operations;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// The objects of one ownership case, made once for the whole matrix by <see cref="MatrixHub"/>: a young person with a
/// pathway plan, one referral of every plan section to every agency, cancelled at once so that no write of the matrix
/// changes it (each is refused: it has ended), consent to every agency withdrawn, and escalations at each level, resolved, the board's
/// having first given each agency's organisation an action, done.
/// </summary>
/// <param name="Legs">By agency code.</param>
/// <param name="Recipients">By agency code: the organisation the hub sent the leg to.</param>
/// <param name="Escalations">By level.</param>
/// <param name="Decisions">By agency code: a board action on the case's board-level escalation, owned by the organisation its leg went to, and done.</param>
/// <param name="Notifications">By caller name: a notification about the case's referral, addressed to the caller (for another organisation's case, to a colleague; for an agency, to its agency type's role).</param>
/// <param name="NhsTask">The NHS leg's FHIR Task, put back as accepted: what an NHS system would PUT.</param>
public sealed record CaseObjects(
    string TenantId,
    Guid YoungPerson,
    Guid Referral,
    IReadOnlyDictionary<string, Guid> Legs,
    IReadOnlyDictionary<string, string> Recipients,
    IReadOnlyDictionary<int, Guid> Escalations,
    IReadOnlyDictionary<string, Guid> Decisions,
    IReadOnlyDictionary<string, Guid> Notifications,
    string NhsTask);

/// <summary>Everything the matrix's cells ask for: the objects of each ownership case, and what an agency's answer form needs.</summary>
/// <param name="DeclineReasons">By agency: one of its own decline reason codes.</param>
public sealed record MatrixWorld(IReadOnlyDictionary<Ownership, CaseObjects> Cases, IReadOnlyDictionary<string, string> DeclineReasons);

/// <summary>One cell of the matrix: an endpoint, a caller and the ownership case of the object asked for.</summary>
public sealed partial record Cell(AccessRow Row, Caller Caller, Ownership? Ownership, MatrixWorld World)
{
    public Answer Expected => Row.Expected(Caller, Ownership);

    /// <summary>The objects of the cell's case; for an endpoint that addresses nothing of anyone's, the caller's own.</summary>
    public CaseObjects Objects => World.Cases[Ownership ?? AccessMatrix.Ownership.Own];

    public Guid YoungPersonId => Objects.YoungPerson;

    public Guid ReferralId => Objects.Referral;

    /// <summary>The leg of the caller's own agency type; for anyone else, the NHS leg.</summary>
    public Guid LegId => Objects.Legs[LegAgency];

    public string LegAgency => Caller.Agency ?? AgencyCodes.Nhs;

    /// <summary>The level the caller answers for; level 1 for a role with none.</summary>
    public int Level => Caller.EscalationLevel ?? 1;

    public Guid EscalationId => Objects.Escalations[Level];

    /// <summary>Nobody signed in has no inbox: they are asked for the Personal Adviser's notification.</summary>
    public Guid NotificationId => Objects.Notifications[(Caller.IsAnonymous ? Caller.PersonalAdviser : Caller).Name];

    /// <summary>The id of the object the row addresses, as the hub writes it: what a list must or must not hold.</summary>
    public string? ObjectId => Row.Object switch
    {
        var o when o == Addressed.YoungPerson => $"{YoungPersonId}",
        var o when o == Addressed.Referral => $"{ReferralId}",
        var o when o == Addressed.Leg => $"{LegId}",
        var o when o == Addressed.Escalation => $"{EscalationId}",
        var o when o == Addressed.Notification => $"{NotificationId}",
        var o when o == Addressed.BoardAction => $"{Objects.Decisions[LegAgency]}",
        _ => null,
    };

    /// <summary>The request's path and query: the route with its parameters filled in from this cell's objects.</summary>
    public string Address
    {
        get
        {
            var path = RouteParameter().Replace(Row.Route, match => ValueOf(match.Groups["name"].Value));
            var query = string.Join('&', new[] { Row.Handler is { } handler ? $"handler={handler}" : null, Row.Query }.OfType<string>());
            return query.Length == 0 ? path : $"{path}?{query}";
        }
    }

    string ValueOf(string parameter) => parameter switch
    {
        "id" => ObjectId ?? throw new InvalidOperationException($"{Row.Endpoint} has an {{id}} but addresses no object: say which in its row."),
        "youngPersonId" => $"{YoungPersonId}",
        "referralId" => $"{ReferralId}",
        "escalationId" => $"{EscalationId}",
        "legId" => $"{LegId}",
        "agency" => LegAgency,
        "number" => "1",
        "queue" => ErrorQueues.Queues[0],
        "messageId" => $"{Guid.Empty}",
        "status" => "404",
        _ => throw new InvalidOperationException($"The matrix has no value for the route parameter '{parameter}' of {Row.Endpoint}: add it to Cell.ValueOf."),
    };

    public override string ToString() => Ownership is { } ownership ? $"{Caller} / {ownership}" : $"{Caller}";

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
