using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>
/// Everything that makes an agency, declared once by its adapter: the hub, its pages, the board,
/// escalation, sharing, the directory and the demo read it, and name no agency themselves.
/// </summary>
public sealed record AgencyDefinition
{
    /// <summary>The agency's code on the wire: one of <see cref="AgencyCodes"/>.</summary>
    public required string Code { get; init; }

    /// <summary>Its short name on pages and the board's rows, e.g. "Jobcentre".</summary>
    public required string Name { get; init; }

    /// <summary>How a sentence names it, e.g. "the Jobcentre".</summary>
    public required string NameInSentence { get; init; }

    /// <summary>The board's theme its escalations go to: one of <see cref="AgencyThemes"/>.</summary>
    public required string Theme { get; init; }

    public required IAgencyFormat Format { get; init; }

    /// <summary>Who receives its legs where the directory names no organisation of a tenant or area.</summary>
    public required Organisation DefaultOrganisation { get; init; }

    /// <summary>The pathway plan sections the hub shares with it by default (a tenant may narrow or widen them).</summary>
    public required IReadOnlyList<string> SharedSections { get; init; }

    /// <summary>The identifier types the hub sends it, so it can find the person in its own systems.</summary>
    public required IReadOnlyList<string> SharedIdentifiers { get; init; }

    /// <summary>Working days to acknowledge and to decide, where a tenant has agreed no others.</summary>
    public required ServiceLevels ServiceLevels { get; init; }

    /// <summary>
    /// A referral under the duty to refer (Homelessness Reduction Act 2017, s.213B): the young person's
    /// three consents are asked and sent one by one, and no other agency takes them.
    /// </summary>
    public bool TakesDutyToReferConsents { get; init; }

    /// <summary>Its decline reason codes corporate parents should not accept: they escalate straight to level 2.</summary>
    public IReadOnlyList<string> UnacceptableDeclines { get; init; } = [];

    /// <summary>
    /// The channel of its organisations where configuration names none of their own (e.g. the partner
    /// inbox for a council's own service); null for the process's default channel.
    /// </summary>
    public string? DefaultChannel { get; init; }

    /// <summary>What the hub checks automatically on this agency's behalf (escalated at level 1 when unmet).</summary>
    public IReadOnlyList<Safeguard> Safeguards { get; init; } = [];

    /// <summary>The documents partners see on its queues, for the published contract.</summary>
    public required IReadOnlyList<PartnerDocumentType> Documents { get; init; }

    public required DemoStandIn Demo { get; init; }
}

/// <param name="AcknowledgeWithin">Working days, after the day the leg was sent, to acknowledge it.</param>
/// <param name="DecideWithin">Working days, after the day the leg was sent, to accept or decline it.</param>
public sealed record ServiceLevels(int AcknowledgeWithin, int DecideWithin);

/// <summary>One JSON document an agency's partner system sends or receives.</summary>
/// <param name="Name">Its schema's name in <c>contracts/schemas</c>, e.g. <c>yos.update</c>.</param>
/// <param name="Type">The record that is written or read.</param>
/// <param name="Read">For an answer the agency sends: the translator that reads it into hub messages.</param>
public sealed record PartnerDocumentType(string Name, Type Type, Func<string, object>? Read = null);
