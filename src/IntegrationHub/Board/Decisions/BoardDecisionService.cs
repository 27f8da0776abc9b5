using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Auditing;
using IntegrationHub.Escalations;
using IntegrationHub.Notifications;
using IntegrationHub.Outcomes;
using IntegrationHub.Pages.Board;
using IntegrationHub.Persistence;
using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;
using IntegrationHub.YoungPeople;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Board.Decisions;

/// <summary>
/// Level-3 escalations as the board's case papers, and the board's decisions on them carried to done. A case paper is
/// anonymous (<see cref="Anonymity"/>) and every read of it is audited, as a case opening is; a decision is an audited
/// write, saved with the notice to the owning organisation's inbox (which the mailer e-mails on), in one transaction.
/// An agency user sees and updates only its own organisation's actions; board members see and update all of their
/// local authority's.
/// </summary>
public sealed class BoardDecisionService(
    HubDbContext db,
    AuditLog audit,
    EscalationRunner runner,
    IOptions<AgencyDirectoryOptions> directory,
    IOptions<BoardMeetingOptions> meetings,
    TimeProvider clock)
{
    public const int ResolutionMaxLength = 2000;
    public const int WordsMaxLength = 4000;
    public const int ActionMaxLength = 1000;
    public const int OwnerMaxLength = 200;
    public const int NoteMaxLength = 2000;
    public const string CasePaperResource = "board-case-paper";
    public const string DecisionResource = "board-decision";
    /// <summary>The most case papers, and the most actions, one pack holds: a board meeting takes a handful.</summary>
    public const int PackCases = 50;
    /// <summary>How the notice of a decision to the owning organisation opens its subject.</summary>
    public const string NoticeSubject = "The Corporate Parenting Board has given your organisation an action";
    public const string WordsNotAgreed = "The young person's own words are not included: no agreement of theirs to the board reading them is recorded.";

    static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById(BoardFigures.TimeZone);

    /// <summary>Today's date in the UK: what "due" and "overdue" are counted against.</summary>
    public DateOnly Today => UkDate(clock.GetUtcNow());

    /// <summary>
    /// A team manager or head of service records the resolution they favour on an open escalation, at whatever level, for
    /// the board's case paper when it reaches level 3; a later one replaces it.
    /// </summary>
    public async Task<Outcome<CasePaperView>> ProposeResolutionAsync(Guid escalationId, ProposeResolution request, HubUser user, CancellationToken cancellationToken)
    {
        if (user.Role is not (HubRoles.TeamManager or HubRoles.HeadOfService))
        {
            return new Outcome<CasePaperView>.Forbidden("Not yours to propose", "A favoured resolution is proposed by a team manager or head of service, for the board to decide on.");
        }

        var errors = new FieldErrors();
        var resolution = errors.Text("resolution", request.Resolution, ResolutionMaxLength);
        var (escalation, person) = await BoardCaseAsync(escalationId, cancellationToken);
        if (escalation is null || person is null)
        {
            return new Outcome<CasePaperView>.NotFound();
        }

        Anonymity.Check(errors, "resolution", resolution, person);
        if (errors.Any)
        {
            return new Outcome<CasePaperView>.Invalid(errors);
        }

        if (!escalation.IsOpen)
        {
            return Resolved<CasePaperView>(escalation);
        }

        var paper = await PaperOfAsync(escalation, cancellationToken);
        paper.FavouredResolution = resolution.Trim();
        paper.ResolutionProposedBy = user.Name;
        paper.ResolutionProposedByRole = user.Role;
        paper.ResolutionProposedAt = clock.GetUtcNow();
        await audit.RecordAsync(
            user,
            [
                Audited.Write($"{CasePaperResource}-resolution", escalation.Id, person.Id, AuditBases.EscalationOversight),
                Audited.Read(CasePaperResource, escalation.Id, person.Id, AuditBases.EscalationOversight),
            ],
            cancellationToken);
        return new Outcome<CasePaperView>.Done(await ViewAsync(escalation, person, paper, user, cancellationToken));
    }

    /// <summary>
    /// The Personal Adviser records the young person's words for the board with the day they agreed to it and its
    /// evidence; both are required, so words are never kept without an agreement. Recorded again, they replace the last.
    /// </summary>
    public async Task<Outcome<CasePaperView>> RecordWordsAsync(Guid escalationId, RecordYoungPersonsWords request, HubUser user, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var words = errors.Text("words", request.Words, WordsMaxLength);
        var agreedOn = errors.Value("agreedOn", request.AgreedOn);
        var evidence = errors.Text("evidence", request.Evidence, 500);
        if (request.AgreedOn > Today)
        {
            errors.Add("agreedOn", "'agreedOn' is the day the young person agreed, so it cannot be in the future.");
        }

        var (escalation, person) = await BoardCaseAsync(escalationId, cancellationToken);
        if (escalation is null || person is null)
        {
            return new Outcome<CasePaperView>.NotFound();
        }

        Anonymity.Check(errors, "words", words, person);
        if (errors.Any)
        {
            return new Outcome<CasePaperView>.Invalid(errors);
        }

        if (!escalation.IsOpen)
        {
            return Resolved<CasePaperView>(escalation);
        }

        var paper = await PaperOfAsync(escalation, cancellationToken);
        paper.Words = words.Trim();
        paper.WordsAgreedOn = agreedOn;
        paper.WordsAgreementEvidence = evidence.Trim();
        paper.WordsRecordedById = user.Id;
        paper.WordsRecordedBy = user.Name;
        paper.WordsRecordedAt = clock.GetUtcNow();
        await audit.RecordAsync(user, [Audited.Write($"{CasePaperResource}-words", escalation.Id, person.Id, AuditBases.Of(user))], cancellationToken);
        return new Outcome<CasePaperView>.Done(await ViewAsync(escalation, person, paper, user, cancellationToken));
    }

    /// <summary>The case paper of an escalation of the caller's local authority; each read is audited, as a case opening is.</summary>
    public async Task<Outcome<CasePaperView>> CasePaperAsync(Guid escalationId, HubUser user, CancellationToken cancellationToken)
    {
        var (escalation, person) = await BoardCaseAsync(escalationId, cancellationToken);
        if (escalation is null || person is null)
        {
            return new Outcome<CasePaperView>.NotFound();
        }

        var paper = await db.CasePapers.SingleOrDefaultAsync(p => p.EscalationId == escalation.Id, cancellationToken);
        await audit.RecordReadAsync(user, CasePaperResource, escalation.Id, person.Id, AuditBases.BoardOversight, cancellationToken);
        return new Outcome<CasePaperView>.Done(await ViewAsync(escalation, person, paper, user, cancellationToken));
    }

    /// <summary>
    /// Records the board's decision on an open level-3 escalation, and tells the owning organisation in its inbox (and so
    /// by e-mail): one transaction with its audit entry. Only board members decide. Nothing is stored on any error.
    /// </summary>
    public async Task<Outcome<BoardDecisionSummary>> DecideAsync(RecordBoardDecision request, HubUser user, CancellationToken cancellationToken)
    {
        if (user.Role != HubRoles.BoardMember)
        {
            return new Outcome<BoardDecisionSummary>.Forbidden("Not yours to decide", "Only board members record the board's decisions.");
        }

        var errors = new FieldErrors();
        var escalationId = errors.Id("escalationId", request.EscalationId);
        var action = errors.Text("action", request.Action, ActionMaxLength);
        var owner = errors.Text("owner", request.Owner, OwnerMaxLength);
        var organisation = request.Organisation?.Trim();
        var agency = directory.Value.Distinct.Where(o => o.Organisation.Code == organisation).Select(o => o.Agency).FirstOrDefault();
        if (agency is null)
        {
            errors.Add("organisation", "'organisation' must be the code of an organisation in the agency directory.");
        }

        var dueOn = errors.Value("dueOn", request.DueOn);
        if (request.DueOn is { } due && due <= Today)
        {
            errors.Add("dueOn", "'dueOn' must be a day after today.");
        }

        var (escalation, person) = escalationId == Guid.Empty ? (null, null) : await BoardCaseAsync(escalationId, cancellationToken);
        if (escalationId != Guid.Empty && (escalation is null || person is null || escalation.Level != EscalationLadder.TopLevel))
        {
            errors.Add("escalationId", "'escalationId' must name a level-3 escalation of your local authority.");
        }

        if (person is not null)
        {
            Anonymity.Check(errors, "action", action, person);
            Anonymity.Check(errors, "owner", owner, person);
        }

        if (errors.Any)
        {
            return new Outcome<BoardDecisionSummary>.Invalid(errors);
        }

        if (!escalation!.IsOpen)
        {
            return Resolved<BoardDecisionSummary>(escalation);
        }

        var now = clock.GetUtcNow();
        var decision = new BoardDecision
        {
            Id = Guid.NewGuid(),
            TenantId = escalation.TenantId,
            EscalationId = escalation.Id,
            CaseReference = BoardDisplay.CaseReference(escalation.ReferralId ?? escalation.Id),
            YoungPersonId = person!.Id,
            Theme = escalation.Theme,
            Action = action.Trim(),
            Organisation = organisation!,
            Agency = agency!,
            Owner = owner.Trim(),
            DueOn = dueOn,
            Status = BoardDecisionStatuses.Open,
            DecidedAt = now,
            DecidedById = user.Id,
            DecidedBy = user.Name,
            UpdatedAt = now,
        };
        db.BoardDecisions.Add(decision);
        db.Notifications.Add(new Notification
        {
            Id = Guid.NewGuid(),
            TenantId = decision.TenantId,
            Role = NotificationOptions.AgencyRole(decision.Agency),
            Organisation = decision.Organisation,
            Subject = $"{NoticeSubject} on case {decision.CaseReference}",
            Body = $"The board decided on {UkDate(now):d MMMM yyyy} that your organisation is to: {decision.Action}\n"
                + $"Named owner: {decision.Owner}. Due by {decision.DueOn:d MMMM yyyy}.\n"
                + "Record how it is going in the hub; an action not done by its due day goes to the board's next meeting.",
            EscalationId = escalation.Id,
            CreatedAt = now,
        });
        await audit.RecordAsync(user, [Audited.Write(DecisionResource, decision.Id, decision.YoungPersonId, AuditBases.BoardOversight)], cancellationToken);
        return new Outcome<BoardDecisionSummary>.Done(Summary(decision));
    }

    /// <summary>
    /// The caller's actions, soonest due first: a board member's or manager's, all of their local authority's; an
    /// agency user's, their own organisation's only. <paramref name="status"/> is a status or <c>overdue</c>. Each listed
    /// action is an audited read of its case.
    /// </summary>
    public async Task<Outcome<List<BoardDecisionSummary>>> ListAsync(string? status, HubUser user, CancellationToken cancellationToken)
    {
        if (status is not null && status != BoardDecisionStatuses.Overdue && !BoardDecisionStatuses.All.Contains(status))
        {
            var errors = new FieldErrors();
            errors.Add("status", $"'status' must be one of {string.Join(", ", BoardDecisionStatuses.All)} or {BoardDecisionStatuses.Overdue}.");
            return new Outcome<List<BoardDecisionSummary>>.Invalid(errors);
        }

        var today = Today;
        var query = Visible(user).Include(d => d.Progress).AsQueryable();
        query = status switch
        {
            null => query,
            BoardDecisionStatuses.Overdue => query.Where(d => d.Status != BoardDecisionStatuses.Done && d.DueOn < today),
            _ => query.Where(d => d.Status == status),
        };
        var decisions = await query.OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(500).ToListAsync(cancellationToken);
        await audit.RecordAsync(user, decisions.Select(d => Audited.Read(DecisionResource, d.Id, d.YoungPersonId, BasisOf(user))), cancellationToken);
        return new Outcome<List<BoardDecisionSummary>>.Done([.. decisions.Select(Summary)]);
    }

    /// <summary>
    /// Records how an action is going: by a board member, or by a user of the organisation that owns it. A done action
    /// takes no more progress; another organisation's action is not found.
    /// </summary>
    public async Task<Outcome<BoardDecisionSummary>> RecordProgressAsync(Guid id, RecordProgress request, HubUser user, CancellationToken cancellationToken)
    {
        if (user.Role is not (HubRoles.BoardMember or HubRoles.Agency))
        {
            return new Outcome<BoardDecisionSummary>.Forbidden("Not yours to update", "An action's progress is recorded by the organisation that owns it, or by a board member.");
        }

        var errors = new FieldErrors();
        var status = errors.Code("status", request.Status, BoardDecisionStatuses.All);
        var note = errors.Text("note", request.Note, NoteMaxLength);
        var decision = await Visible(user).Include(d => d.Progress).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return new Outcome<BoardDecisionSummary>.NotFound();
        }

        var person = await db.YoungPeople.SingleOrDefaultAsync(p => p.Id == decision.YoungPersonId, cancellationToken);
        if (person is not null)
        {
            Anonymity.Check(errors, "note", note, person);
        }

        if (errors.Any)
        {
            return new Outcome<BoardDecisionSummary>.Invalid(errors);
        }

        if (decision.Status == BoardDecisionStatuses.Done)
        {
            return new Outcome<BoardDecisionSummary>.Conflict("Already done", "The action is done; it takes no more progress.");
        }

        var now = clock.GetUtcNow();
        decision.Progress.Add(new BoardDecisionProgress
        {
            Id = Guid.NewGuid(),
            DecisionId = decision.Id,
            TenantId = decision.TenantId,
            At = now,
            ById = user.Id,
            By = user.Name,
            ByRole = user.Role,
            ByOrganisation = user.Role == HubRoles.Agency ? user.Organisation : null,
            Status = status,
            Note = note.Trim(),
        });
        decision.Status = status;
        decision.UpdatedAt = now;
        decision.Version++;
        if (status == BoardDecisionStatuses.Done && decision.OverdueEscalationId is { } overdueId
            && await db.Escalations.SingleOrDefaultAsync(e => e.Id == overdueId, cancellationToken) is { IsOpen: true } overdue)
        {
            // Done at last: the agenda item the overdue action became has nothing left to ask of the board.
            runner.Resolve(overdue, $"The board's action on case {decision.CaseReference} is done.", user.Name, now);
        }

        try
        {
            await audit.RecordAsync(
                user,
                [
                    Audited.Write($"{DecisionResource}-progress", decision.Id, decision.YoungPersonId, BasisOf(user)),
                    Audited.Read(DecisionResource, decision.Id, decision.YoungPersonId, BasisOf(user)),
                ],
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else's progress, or the overdue scan, changed it since it was loaded: nothing of this one was saved.
            db.ChangeTracker.Clear();
            return new Outcome<BoardDecisionSummary>.Conflict("Changed meanwhile", "The action changed while you were updating it; look at it again and try again.");
        }

        return new Outcome<BoardDecisionSummary>.Done(Summary(decision));
    }

    /// <summary>One action the caller may see, for recording its progress; an audited read of its case.</summary>
    public async Task<Outcome<BoardDecisionSummary>> DecisionAsync(Guid id, HubUser user, CancellationToken cancellationToken)
    {
        var decision = await Visible(user).Include(d => d.Progress).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return new Outcome<BoardDecisionSummary>.NotFound();
        }

        await audit.RecordReadAsync(user, DecisionResource, decision.Id, decision.YoungPersonId, BasisOf(user), cancellationToken);
        return new Outcome<BoardDecisionSummary>.Done(Summary(decision));
    }

    /// <summary>
    /// The pack for the board's next meeting: the case papers of the open level-3 escalations, and the actions not yet
    /// done, those overdue apart from those due (the pack marks those due before the meeting). Each paper and action in it is an audited read, as the paper alone is.
    /// </summary>
    public async Task<BoardPack> PackAsync(HubUser user, CancellationToken cancellationToken)
    {
        var today = Today;
        var meeting = meetings.Value.NextMeeting(user.TenantId, today);
        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.Level == EscalationLadder.TopLevel && e.ResolvedAt == null)
            .OrderBy(e => e.DueBy).ThenBy(e => e.Id).Take(PackCases)
            .ToListAsync(cancellationToken);
        var escalationIds = escalations.Select(e => e.Id).ToList();
        var personIds = escalations.Select(e => e.YoungPersonId).Distinct().ToList();
        var people = await db.YoungPeople.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var papers = await db.CasePapers.AsNoTracking().Where(p => escalationIds.Contains(p.EscalationId)).ToDictionaryAsync(p => p.EscalationId, cancellationToken);
        var views = new List<CasePaperView>();
        foreach (var escalation in escalations.Where(e => people.ContainsKey(e.YoungPersonId)))
        {
            views.Add(await ViewAsync(escalation, people[escalation.YoungPersonId], papers.GetValueOrDefault(escalation.Id), user, cancellationToken));
        }

        var actions = await Visible(user).Include(d => d.Progress).AsNoTracking()
            .Where(d => d.Status != BoardDecisionStatuses.Done)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Id).Take(PackCases)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(
            user,
            [
                .. escalations.Where(e => people.ContainsKey(e.YoungPersonId)).Select(e => Audited.Read(CasePaperResource, e.Id, e.YoungPersonId, AuditBases.BoardOversight)),
                .. actions.Select(d => Audited.Read(DecisionResource, d.Id, d.YoungPersonId, AuditBases.BoardOversight)),
            ],
            cancellationToken);
        var summaries = actions.Select(Summary).ToList();
        return new BoardPack(today, meeting, views, [.. summaries.Where(a => !a.Overdue)], [.. summaries.Where(a => a.Overdue)]);
    }

    /// <summary>The caller's own organisation's actions for an agency user; all the local authority's for anyone else the endpoints admit.</summary>
    IQueryable<BoardDecision> Visible(HubUser user) =>
        user.Role == HubRoles.Agency ? db.BoardDecisions.Where(d => user.Organisation != null && d.Organisation == user.Organisation) : db.BoardDecisions;

    static Outcome<T> Resolved<T>(Escalation escalation) =>
        new Outcome<T>.Conflict("Already resolved", $"The escalation was resolved on {escalation.ResolvedAt:d MMMM yyyy}; its paper and the board's decisions are for open cases.");

    static string BasisOf(HubUser user) => user.Role == HubRoles.Agency ? AuditBases.PublicTask : AuditBases.BoardOversight;

    /// <summary>
    /// An escalation of the caller's local authority and its young person; nulls for anything else. Its paper is kept
    /// from level 1, so the rungs below can prepare it before the case reaches the board: the paper holds no free text
    /// but what was written for it, checked anonymous, so a manager below the escalation's level reads nothing they should not.
    /// </summary>
    async Task<(Escalation? Escalation, YoungPerson? Person)> BoardCaseAsync(Guid escalationId, CancellationToken cancellationToken)
    {
        var escalation = await db.Escalations.SingleOrDefaultAsync(e => e.Id == escalationId, cancellationToken);
        var person = escalation is null ? null : await db.YoungPeople.SingleOrDefaultAsync(p => p.Id == escalation.YoungPersonId, cancellationToken);
        return (escalation, person);
    }

    async Task<CasePaper> PaperOfAsync(Escalation escalation, CancellationToken cancellationToken)
    {
        var paper = await db.CasePapers.SingleOrDefaultAsync(p => p.EscalationId == escalation.Id, cancellationToken);
        if (paper is null)
        {
            paper = new CasePaper { EscalationId = escalation.Id, TenantId = escalation.TenantId, YoungPersonId = escalation.YoungPersonId };
            db.CasePapers.Add(paper);
        }

        return paper;
    }

    /// <summary>The paper from codes, dates and what was written for the board: nothing here holds the young person's name, date of birth or address.</summary>
    async Task<CasePaperView> ViewAsync(Escalation escalation, YoungPerson person, CasePaper? paper, HubUser user, CancellationToken cancellationToken)
    {
        var referral = escalation.ReferralId is { } referralId
            ? await db.Referrals.Include(r => r.Legs).AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken)
            : null;
        var decisions = await Visible(user).Include(d => d.Progress).AsNoTracking()
            .Where(d => d.EscalationId == escalation.Id).OrderBy(d => d.DecidedAt).ToListAsync(cancellationToken);
        var words = paper is { Words: not null, WordsAgreedOn: not null } ? paper.Words : null;
        return new CasePaperView(
            escalation.Id,
            BoardDisplay.CaseReference(escalation.ReferralId ?? escalation.Id),
            escalation.Theme,
            escalation.Agency,
            escalation.Level,
            escalation.ReasonCode,
            escalation.RaisedAt,
            escalation.DueBy,
            escalation.IsOpen,
            AgeBands.For(person.AgeOn(Today)),
            referral?.CreatedAt,
            referral?.Sections ?? [],
            [.. (referral?.Legs ?? []).OrderBy(l => l.Agency).Select(l => new CasePaperLeg(l.Agency, l.Status, l.ReasonCode, l.UpdatedAt))],
            paper is { FavouredResolution: { } text, ResolutionProposedByRole: { } role, ResolutionProposedAt: { } at } ? new FavouredResolution(text, role, at) : null,
            words,
            words is null ? null : paper!.WordsAgreedOn,
            words is null ? WordsNotAgreed : null,
            [.. decisions.Select(Summary)]);
    }

    BoardDecisionSummary Summary(BoardDecision d) => new(
        d.Id, d.EscalationId, d.CaseReference, d.Theme, d.Action, d.Organisation, directory.Value.NameOf(d.Organisation) ?? d.Organisation,
        d.Owner, d.DueOn, d.Status, d.IsOverdueOn(Today), d.OnAgendaFor, d.DecidedAt,
        [.. d.Progress.OrderBy(p => p.At).Select(p => new ProgressNote(p.At, p.By, p.Status, p.Note))]);

    internal static DateOnly UkDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime);
}
