using System.Globalization;
using System.Text.Json.Nodes;
using IntegrationHub.AgencyAnswers;
using IntegrationHub.Board;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Consents;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using IntegrationHub.Escalations;
using IntegrationHub.PathwayPlans;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// What the matrix's writes send. Each is a sound request, so that an object the caller may not see is refused for
/// that reason alone; on the caller's own (ended) objects it is refused, so the matrix changes nothing that another cell reads.
/// </summary>
public static class Bodies
{
    const string Officer = "Matrix Officer";
    const string Why = "Checking who may do this";
    static long sequence;

    public static Payload NewYoungPerson(Cell cell) => new Payload.Json(HubApi.NewYoungPerson());

    /// <summary>With the current situation recorded, so the hostile-input suite attacks its fields too.</summary>
    public static Payload HealthPlan(Cell cell) => new Payload.Json(HubApi.Plan(Health) with
    {
        Accommodation = new NewAccommodation(AccommodationCodes.SupportedLodgings, true),
        Activity = new NewActivity(ActivityCodes.FullTimeApprenticeship),
        TrustedAdults = TrustedAdultsAnswers.Yes,
    });

    /// <summary>On the NHS's public task: the case's consents are withdrawn, and a referral on consent would be refused for that.</summary>
    public static Payload HealthReferralToTheNhs(Cell cell) => new Payload.Json(HubApi.Referral(cell.YoungPersonId, 1, [Health], Nhs) with
    {
        Agencies = [HubApi.To(Nhs, new LawfulBasisInput(LawfulBases.PublicTask, "PA Test", DateTimeOffset.UtcNow.AddMinutes(-5), "Statutory duty to refer"))],
    });

    public static Payload Cancellation(Cell cell) => new Payload.Json(new CancelRequest(Why));

    public static Payload SanctionAnswer(Cell cell) => new Payload.Json(new SanctionResponse("Spoke to the Jobcentre work coach"));

    public static Payload EscalationRequest(Cell cell) => new Payload.Json(new RaiseEscalation(cell.ReferralId, cell.LegId, Why, cell.Level));

    public static Payload Resolution(Cell cell) => new Payload.Json(new ResolveEscalation("Resolved, checking who may resolve it"));

    /// <summary>A consent with no date given: refused for that field before the young person is looked for, so it records nothing.</summary>
    public static Payload UndatedConsent(Cell cell) => new Payload.Json(new RecordConsent(cell.LegAgency, null, "Signed form in case file", DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6)));

    public static Payload Withdrawal(Cell cell) => new Payload.Json(new WithdrawConsent(Why));

    public static Payload CaseOpening(Cell cell) => new Payload.Json(new OpenCase(Why));

    public static Payload FavouredResolution(Cell cell) => new Payload.Json(new ProposeResolution("Housing to accept the relief duty"));

    public static Payload YoungPersonsWords(Cell cell) => new Payload.Json(
        new RecordYoungPersonsWords("I want somewhere I can stay", DateOnly.FromDateTime(DateTime.UtcNow), "Signed at the review meeting"));

    /// <summary>An action for the organisation the case's leg of the caller's agency type (or the NHS's) went to, due in a fortnight.</summary>
    public static Payload BoardDecision(Cell cell) => new Payload.Json(new RecordBoardDecision(
        cell.EscalationId, "Answer the case for the access matrix", cell.Objects.Recipients[cell.LegAgency], "Matrix Owner", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)));

    public static Payload Progress(Cell cell) => new Payload.Json(new RecordProgress(BoardDecisionStatuses.InProgress, Why));

    /// <summary>The caller's agency's own answer document accepting (or, adult social care, declining) its leg; a new answer each time.</summary>
    public static Payload AgencyAnswer(Cell cell)
    {
        var answerId = $"{Guid.NewGuid()}";
        var legId = $"{cell.LegId}";
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var document = cell.LegAgency switch
        {
            Housing => new JsonObject { ["answerId"] = answerId, ["legId"] = legId, ["status"] = "accepted", ["duty"] = "prevention", ["officer"] = Officer, ["decidedAt"] = at },
            Dwp or Yos => new JsonObject { ["answerId"] = answerId, ["legId"] = legId, ["type"] = "accepted", ["officer"] = Officer, ["at"] = at },
            Probation => new JsonObject
            {
                ["eventType"] = "probation.referral.accepted",
                ["version"] = 1,
                ["answerId"] = answerId,
                ["occurredAt"] = at,
                ["officer"] = Officer,
                ["additionalInformation"] = new JsonObject { ["legId"] = legId },
            },
            AdultSocialCare => new JsonObject { ["answerId"] = answerId, ["legId"] = legId, ["type"] = "no-eligible-needs", ["worker"] = Officer, ["at"] = at, ["reason"] = Why },
            Nhs => JsonNode.Parse(NhsTaskJson(cell))!.AsObject(),
            var other => throw new InvalidOperationException($"The matrix has no answer document for agency '{other}': add one to Bodies.AgencyAnswer."),
        };
        var contentType = cell.LegAgency == Nhs ? "application/fhir+json" : "application/json";
        return new Payload.Text(document.ToJsonString(), contentType, new Dictionary<string, string> { [AgencyAnswersApi.RequestIdHeader] = $"matrix-{Guid.NewGuid():N}" });
    }

    /// <summary>The case's NHS Task, put back accepted, as an NHS system would PUT it.</summary>
    public static Payload NhsTask(Cell cell) => new Payload.Text(NhsTaskJson(cell), "application/fhir+json", new Dictionary<string, string>());

    /// <summary>A Task's answer id is derived from its last modified instant: a new instant makes each cell's answer a new one.</summary>
    static string NhsTaskJson(Cell cell)
    {
        var task = JsonNode.Parse(cell.Objects.NhsTask)!.AsObject();
        var at = DateTime.UtcNow.AddTicks(Interlocked.Increment(ref sequence));
        task["lastModified"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        return task.ToJsonString();
    }

    public static Payload Form(params (string Field, string Value)[] fields) => new Payload.Form(fields.ToDictionary(f => f.Field, f => f.Value));

    public static Payload EmptyForm(Cell cell) => Form();

    public static Payload InboxRead(Cell cell) => Form(("id", $"{cell.NotificationId}"));

    public static Payload LegCancelForm(Cell cell) => Form(("LegCancel.LegId", $"{cell.LegId}"), ("LegCancel.Reason", Why));

    public static Payload ReferralCancelForm(Cell cell) => Form(("ReferralCancel.Reason", Why));

    public static Payload SanctionForm(Cell cell) => Form(("Sanction.LegId", $"{cell.Objects.Legs[Dwp]}"), ("Sanction.Response", "Spoke to the Jobcentre work coach"));

    public static Payload PurposeForm(Cell cell) => Form(("purpose", Why));

    public static Payload SignInForm(Cell cell) => Form(("SignInAs", ""));

    /// <summary>A partner inbox answer with the fields it needs; each a new answer.</summary>
    public static Func<Cell, Payload> PartnerAnswer(params string[] fields) => cell => new Payload.Form(new Dictionary<string, string>
    {
        ["answerId"] = $"{Guid.NewGuid()}",
        ["code"] = cell.World.DeclineReasons[cell.LegAgency],
        ["reason"] = Why,
        ["holdReason"] = Why,
        ["outcome"] = Why,
    }.Where(f => f.Key == "answerId" || fields.Contains(f.Key)).ToDictionary());
}
