using System.Linq.Expressions;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Referrals;

/// <summary>One receiving agency's part of a referral.</summary>
public sealed class Leg
{
    public Guid Id { get; init; }
    public Guid ReferralId { get; init; }

    /// <summary>
    /// The referral's local authority, kept on the leg too: the tenant filter and the board's indexes read legs alone,
    /// without joining every leg to its referral.
    /// </summary>
    public required string TenantId { get; init; }

    /// <summary>When the referral was made (its <see cref="Referral.CreatedAt"/>): the board's window and the start of its timeliness.</summary>
    public DateTimeOffset ReferralMadeAt { get; init; }

    /// <summary>
    /// The referral's young person and their date of birth (which a young person's record never changes), kept on the
    /// leg too: the board's coming 18th birthdays and the before-18 safeguards find the open legs of young people born
    /// in a window from one index of legs, not by joining each young person to their referrals and those to their legs.
    /// </summary>
    public required Guid YoungPersonId { get; init; }

    /// <inheritdoc cref="YoungPersonId"/>
    public required DateOnly YoungPersonBornOn { get; init; }

    /// <summary>
    /// The earliest time the leg moved to <c>received</c>, as its status-changed timeline entries say: kept where the
    /// status changes (<see cref="Referral.ChangeLeg"/>) so the board's timeliness reads the leg, not the timeline.
    /// </summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>The earliest time the leg was decided (moved to <c>accepted</c> or <c>rejected</c>), kept as <see cref="AcknowledgedAt"/> is.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    public required string Agency { get; init; }

    /// <summary>The organisation the agency directory routed this leg to.</summary>
    public required Organisation Recipient { get; init; }

    /// <summary>
    /// The Personal Adviser's reason for referring to this agency, written for it alone: what the agency
    /// is sent as the leg's summary, where the referral's own summary is for the hub's users only.
    /// </summary>
    public required string Reason { get; init; }
    public required string Status { get; set; }
    public required LawfulBasis LawfulBasis { get; init; }
    public required IReadOnlyList<string> SharedSections { get; init; }
    public string? StatusReason { get; set; }
    public string? ReasonCode { get; set; }
    public string? Outcome { get; set; }
    public string? AgencyReference { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: two answers racing for one leg cannot both apply.</summary>
    public int Version { get; set; }

    /// <summary>
    /// Notes an answer's time if it is the leg's first acknowledgement or decision: the earliest, as an agency's clock
    /// may date a later answer earlier.
    /// </summary>
    internal void NoteAnswered(string status, DateTimeOffset at)
    {
        if (status == LegStatusCodes.Received)
        {
            AcknowledgedAt = AcknowledgedAt < at ? AcknowledgedAt : at;
        }
        else if (status is LegStatusCodes.Accepted or LegStatusCodes.Rejected)
        {
            DecidedAt = DecidedAt < at ? DecidedAt : at;
        }
    }

    /// <summary>
    /// The column the database computes from <see cref="Recipient"/>'s code (which is kept as JSON), so that a
    /// query can keep an agency caller to its own organisation's legs. Read it only in queries, through <see cref="AddressedTo"/>.
    /// </summary>
    public const string RecipientCodeColumn = "RecipientCode";

    /// <summary>
    /// The column the database computes from <see cref="Recipient"/>'s service, so that the board tells the services'
    /// cohorts apart (CAMHS from adult mental health) from an index, without reading each leg's row.
    /// </summary>
    public const string RecipientServiceColumn = "RecipientService";

    /// <summary>The UK date the referral was made on, computed by the database from <see cref="ReferralMadeAt"/> for the board's working-day deadlines.</summary>
    public const string ReferralMadeOnColumn = "ReferralMadeOn";

    /// <summary>The UK date the leg was decided on, computed by the database from <see cref="DecidedAt"/>.</summary>
    public const string DecidedOnColumn = "DecidedOn";

    /// <summary>The hours from the referral being made to <see cref="AcknowledgedAt"/>, computed by the database: the board's time to acknowledge.</summary>
    public const string HoursToAcknowledgeColumn = "HoursToAcknowledge";

    /// <summary>The hours from the referral being made to <see cref="DecidedAt"/>, computed by the database: the board's time to decide.</summary>
    public const string HoursToDecideColumn = "HoursToDecide";

    /// <summary>
    /// The legs an agency caller may see, answer and update: of its agency and addressed to its organisation.
    /// A caller with no agency or organisation matches none.
    /// </summary>
    public static Expression<Func<Leg, bool>> AddressedTo(HubUser caller)
    {
        var (agency, organisation) = (caller.Agency, caller.Organisation);
        return leg => leg.Agency == agency && EF.Property<string>(leg, RecipientCodeColumn) == organisation;
    }
}
