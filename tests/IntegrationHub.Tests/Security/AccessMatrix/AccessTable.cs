using IntegrationHub.Board;
using static IntegrationHub.Tests.Security.AccessMatrix.Addressed;
using static IntegrationHub.Tests.Security.AccessMatrix.Answer;
using static IntegrationHub.Tests.Security.AccessMatrix.Bodies;
using static IntegrationHub.Tests.Security.AccessMatrix.Who;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>A part of the hub, and its endpoints.</summary>
public sealed record AccessSection(string Title, IReadOnlyList<AccessRow> Rows);

/// <summary>
/// Who may call each endpoint of the hub, one row per endpoint (method and route pattern, as routing lists them):
/// what it addresses, whom it admits and what an admitted caller gets. <see cref="AccessRow.Expected"/> derives every
/// other answer. <c>AccessMatrixTests</c> asks every endpoint as every caller about an object of each ownership case, and
/// fails for an endpoint of the hub with no row here or a row here for no endpoint: a new endpoint is a new row.
/// <c>docs/access-matrix.md</c> is this table written out for the Data Protection Officer.
/// </summary>
public static class AccessTable
{
    public static IReadOnlyList<AccessSection> Sections { get; } =
    [
        new("Young people, pathway plans and subject access (API)",
        [
            new("POST /api/young-people", Nothing, PersonalAdvisers, Created, Body: NewYoungPerson),
            new("GET /api/young-people", YoungPerson, PersonalAdvisers, Lists),
            new("GET /api/young-people/{id:guid}", YoungPerson, PersonalAdvisers, Ok),
            new("POST /api/young-people/{youngPersonId:guid}/pathway-plan/versions", YoungPerson, PersonalAdvisers, Created, Body: HealthPlan),
            new("GET /api/young-people/{youngPersonId:guid}/pathway-plan", YoungPerson, PersonalAdvisers, Ok),
            new("GET /api/young-people/{youngPersonId:guid}/pathway-plan/versions/{number:int}", YoungPerson, PersonalAdvisers, Ok),
            new("GET /api/young-people/{id:guid}/subject-access", YoungPerson, DataProtectionOfficers, Ok),
        ]),
        new("Consent (API)",
        [
            new("GET /api/young-people/{id:guid}/consents", YoungPerson, PersonalAdvisers | Who.YoungPeople, Ok),
            new("POST /api/young-people/{id:guid}/consents", YoungPerson, PersonalAdvisers, FieldError("givenOn"), FieldError("givenOn"), Body: UndatedConsent),
            new("POST /api/young-people/{id:guid}/consents/{agency}/withdrawal", YoungPerson, PersonalAdvisers | Who.YoungPeople, Ended("the consent is already withdrawn"), Body: Withdrawal),
        ]),
        new("The young person's own record (API)",
        [
            new("GET /api/me", Nothing, Who.YoungPeople, Ok),
            new("GET /api/me/referrals", Nothing, Who.YoungPeople, Ok),
            new("GET /api/me/consents", Nothing, Who.YoungPeople, Ok),
            new("POST /api/me/consents/{agency}/withdrawal", Nothing, Who.YoungPeople, Ended("the consent is already withdrawn"), Body: Withdrawal),
        ]),
        new("Referrals (API)",
        [
            new("POST /api/referrals", YoungPerson, PersonalAdvisers, Accepted, FieldError("youngPersonId"), Body: HealthReferralToTheNhs),
            new("GET /api/referrals", Referral, PersonalAdvisers, Lists),
            new("GET /api/referrals/{id:guid}", Referral, PersonalAdvisers, Ok),
            new("POST /api/referrals/{id:guid}/cancellation", Referral, PersonalAdvisers, Ended("every leg has already ended"), Body: Cancellation),
            new("POST /api/referrals/{id:guid}/legs/{legId:guid}/cancellation", Referral, PersonalAdvisers, Ended("the leg has already ended"), Body: Cancellation),
            new("POST /api/referrals/{id:guid}/legs/{legId:guid}/sanction-response", Referral, PersonalAdvisers, Ended("no sanction waits for an answer"), Body: SanctionAnswer),
        ]),
        new("Agencies' legs and answers (API)",
        [
            new("GET /api/legs", Leg, Agencies, Lists),
            new("GET /api/legs/{legId:guid}", Leg, Agencies, Ok),
            new("POST /api/agency-answers", Leg, Agencies, Ended("the answer is refused: the leg has ended"), Body: AgencyAnswer),
        ]),
        new("FHIR facade (NHS)",
        [
            new("GET /fhir/metadata", Nothing, Anyone, Ok),
            new("GET /fhir/Task", Leg, TheNhs, Lists),
            new("GET /fhir/Task/{id:guid}", Leg, TheNhs, Ok),
            new("PUT /fhir/Task/{id:guid}", Leg, TheNhs, Ended("the update is refused: the leg has ended"), Body: NhsTask),
            new("GET /fhir/ServiceRequest/{id:guid}", Leg, TheNhs, Ok),
            new("GET /fhir/Patient/{id:guid}", Leg, TheNhs, Ok),
        ]),
        new("Escalations (API)",
        [
            new("GET /api/escalations", Escalation, EscalationManagers, Lists),
            new("POST /api/escalations", Referral, EscalationManagers, Created, FieldError("referralId"), Body: EscalationRequest),
            new("POST /api/escalations/{id:guid}/resolution", Escalation, EscalationManagers, Ended("the escalation is already resolved"), Body: Resolution),
        ]),
        new("Corporate Parenting Board (API)",
        [
            new("GET /api/board/escalations", Nothing, EscalationManagers, Ok),
            new("GET /api/board/timeliness", Nothing, EscalationManagers, Ok),
            new("GET /api/board/declines", Nothing, EscalationManagers, Ok),
            new("GET /api/board/upcoming", Nothing, EscalationManagers, Ok),
            new("GET /api/board/trend", Nothing, EscalationManagers, Ok),
            new("GET /api/board/scorecard", Nothing, EscalationManagers, Ok),
            new("POST /api/board/cases/{referralId:guid}/openings", Referral, EscalationManagers, Ok, Body: CaseOpening),
        ]),
        new("The board's case papers and decisions (API)",
        [
            new("GET /api/board/case-papers/{id:guid}", Escalation, EscalationManagers, Ok),
            new("PUT /api/board/case-papers/{id:guid}/favoured-resolution", Escalation, TeamManagersAndHeadsOfService, Ended("the escalation is already resolved"), Body: FavouredResolution),
            new("PUT /api/board/case-papers/{id:guid}/young-persons-words", Escalation, PersonalAdvisers, Ended("the escalation is already resolved"), Body: YoungPersonsWords),
            new("POST /api/board/decisions", Escalation, BoardMembers, Ended("the escalation is already resolved"), FieldError("escalationId"), Body: BoardDecision),
            new("GET /api/board/decisions", BoardAction, EscalationManagers | Agencies, Lists),
            new("POST /api/board/decisions/{id:guid}/progress", BoardAction, BoardMembers | Agencies, Ended("the action is already done"), Body: Progress),
        ]),
        new("Inbox (API)",
        [
            new("GET /api/inbox", Notification, SignedIn, Lists),
            new("POST /api/inbox/{id:guid}/read", Notification, SignedIn, Ok),
        ]),
        new("Operations and audit (API)",
        [
            new("GET /api/operations/error-queues/{queue}", Queue, Operators, Status(409, "409 Conflict: the test hub's in-memory bus keeps no error queues")),
            new("POST /api/operations/error-queues/{queue}/replay", Queue, Operators, Status(409, "409 Conflict: the test hub's in-memory bus keeps no error queues")),
            new("GET /api/operations/outbox/parked", Nothing, Operators, Ok),
            new("POST /api/operations/outbox/parked/{messageId:guid}/replay", ParkedMessage, Operators, Status(404, "404 Not Found: no outbox message of the test hub is parked")),
            new("POST /api/operations/legs/{legId:guid}/resend", Leg, Operators, Ended("only a failed leg is resent")),
            new("GET /api/audit/verification", Nothing, DataProtectionOfficers, Ok),
        ]),
        new("Health and API documentation",
        [
            new("ANY /health/live", Nothing, Anyone, Ok),
            new("ANY /health/ready", Nothing, Anyone, Ok),
            new("GET /swagger/v1/swagger.json", Nothing, Anyone, Ok, BeforeRouting: true),
            new("GET /swagger/index.html", Nothing, Anyone, Ok, BeforeRouting: true),
        ]),
        new("Personal Adviser's pages",
        [
            new("GET /workspace", YoungPerson, PersonalAdvisers, Lists),
            new("GET /workspace/inbox", Notification, PersonalAdvisers, Lists),
            new("POST /workspace/inbox?handler=read", Notification, PersonalAdvisers, Redirect("/workspace/inbox", "→ inbox", "302 back to the inbox, the notification read"), Body: InboxRead),
            new("GET /workspace/young-people/{id:guid}", YoungPerson, PersonalAdvisers, Ok),
            new("GET /workspace/young-people/{id:guid}/plan/versions/{number:int}", YoungPerson, PersonalAdvisers, Ok),
            new("GET /workspace/young-people/{id:guid}/plan/edit", YoungPerson, PersonalAdvisers, Ok),
            new("GET /workspace/young-people/{id:guid}/consents/new", YoungPerson, PersonalAdvisers, Ok),
            new("POST /workspace/young-people/{id:guid}/consents/new", YoungPerson, PersonalAdvisers, PageAgain("the empty consent's errors"), Body: EmptyForm),
            new("GET /workspace/young-people/{id:guid}/consents/{agency}/withdraw", YoungPerson, PersonalAdvisers, Ok),
            new("POST /workspace/young-people/{id:guid}/consents/{agency}/withdraw", YoungPerson, PersonalAdvisers, PageAgain("refused, the consent is already withdrawn"), Body: EmptyForm),
            new("POST /workspace/young-people/{id:guid}/plan/edit", YoungPerson, PersonalAdvisers, PageAgain("the empty plan's errors"), Body: EmptyForm),
            new("GET /workspace/young-people/{id:guid}/refer", YoungPerson, PersonalAdvisers, Ok),
            new("POST /workspace/young-people/{id:guid}/refer?handler=continue", YoungPerson, PersonalAdvisers, PageAgain("the empty referral's errors"), Body: EmptyForm),
            new("POST /workspace/young-people/{id:guid}/refer?handler=change", YoungPerson, PersonalAdvisers, PageAgain("the referral form"), Body: EmptyForm),
            new("POST /workspace/young-people/{id:guid}/refer?handler=send", YoungPerson, PersonalAdvisers, PageAgain("the empty referral's errors"), Body: EmptyForm),
            new("GET /workspace/referrals/{id:guid}", Referral, PersonalAdvisers, Ok),
            new("GET /workspace/referrals/{id:guid}?handler=legs", Referral, PersonalAdvisers, Ok),
            new("POST /workspace/referrals/{id:guid}?handler=cancelleg", Referral, PersonalAdvisers, PageAgain("the leg has already ended"), Body: LegCancelForm),
            new("POST /workspace/referrals/{id:guid}?handler=cancelreferral", Referral, PersonalAdvisers, PageAgain("every leg has already ended"), Body: ReferralCancelForm),
            new("POST /workspace/referrals/{id:guid}?handler=answersanction", Referral, PersonalAdvisers, PageAgain("no sanction waits for an answer"), Body: SanctionForm),
        ]),
        new("Partner inbox pages",
        [
            new("GET /partner", Leg, Agencies, Lists),
            new("GET /partner/legs/{legId:guid}", Leg, Agencies, Ok),
            new("POST /partner/legs/{legId:guid}?handler=acknowledge", Leg, Agencies, Redirect("/partner/legs/", "→ leg", "302 back to the leg: an ended leg's acknowledgement changes nothing"), Body: PartnerAnswer()),
            new("POST /partner/legs/{legId:guid}?handler=accept", Leg, Agencies, PageAgain("refused, the leg has ended"), Body: PartnerAnswer()),
            new("POST /partner/legs/{legId:guid}?handler=decline", Leg, Agencies, PageAgain("refused, the leg has ended"), Body: PartnerAnswer("code", "reason")),
            new("POST /partner/legs/{legId:guid}?handler=start", Leg, Agencies, PageAgain("refused, the leg has ended"), Body: PartnerAnswer()),
            new("POST /partner/legs/{legId:guid}?handler=putonhold", Leg, Agencies, PageAgain("refused, the leg has ended"), Body: PartnerAnswer("holdReason")),
            new("POST /partner/legs/{legId:guid}?handler=complete", Leg, Agencies, PageAgain("refused, the leg has ended"), Body: PartnerAnswer("outcome")),
        ]),
        new("The young person's pages",
        [
            new("GET /me", Nothing, Who.YoungPeople, Ok),
            new("GET /me/consents", Nothing, Who.YoungPeople, Ok),
            new("GET /me/consents/{agency}/withdraw", Nothing, Who.YoungPeople, Ok),
            new("POST /me/consents/{agency}/withdraw", Nothing, Who.YoungPeople, PageAgain("refused, the consent is already withdrawn"), Body: EmptyForm),
        ]),
        new("Board pages",
        [
            new("GET /board", Nothing, EscalationManagers, Ok),
            new("GET /board?handler=csv", Nothing, EscalationManagers, Ok, Query: $"table={BoardService.EscalationsTable}"),
            new("GET /board/cases/{referralId:guid}", Referral, EscalationManagers, Ok),
            new("POST /board/cases/{referralId:guid}", Referral, EscalationManagers, Ok, Body: PurposeForm),
            new("GET /board/case-papers/{escalationId:guid}", Escalation, EscalationManagers, Ok),
            new("POST /board/case-papers/{escalationId:guid}", Escalation, BoardMembers, PageAgain("the empty decision's errors"), Body: EmptyForm),
            new("GET /board/decisions", BoardAction, EscalationManagers, Lists),
            new("GET /board/decisions?handler=csv", BoardAction, EscalationManagers, Lists),
            new("GET /board/decisions/{id:guid}/progress", BoardAction, BoardMembers, Ok),
            new("POST /board/decisions/{id:guid}/progress", BoardAction, BoardMembers, PageAgain("the empty progress's errors"), Body: EmptyForm),
            new("GET /board/pack", Nothing, EscalationManagers, Ok),
        ]),
        new("Public pages and files",
        [
            new("GET /", Nothing, Anyone, PageOrHome),
            new("ANY /accessibility", Nothing, Anyone, Ok),
            new("GET /error/{status:int?}", Nothing, Anyone, Status(404, "the error page for the status in its address, here 404")),
            new("POST /error/{status:int?}", Nothing, Anyone, Status(404, "the error page for the status in its address, here 404"), Body: EmptyForm),
            new("GET /sign-in", Nothing, Anyone, Ok),
            new("POST /sign-in", Nothing, Anyone, PageAgain("nobody was chosen to sign in as"), Body: SignInForm),
            new("GET /sign-out", Nothing, Anyone, Redirect("/", "→ /", "302 to the home page")),
            new("POST /sign-out", Nothing, Anyone, Redirect("/", "→ /", "302 to the home page, signed out"), Body: EmptyForm),
            new("GET /js/hub.js", Nothing, Anyone, Ok, BeforeRouting: true),
        ]),
    ];

    public static IEnumerable<AccessRow> Rows => Sections.SelectMany(s => s.Rows);

    public static AccessRow Row(string endpoint) => Rows.Single(r => r.Endpoint == endpoint);
}
