namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>Whose object a cell asks for (the matrix's three ownership cases), from the caller's point of view.</summary>
public enum Ownership
{
    /// <summary>The caller's own: their council's case, their organisation's leg, their own record, their own notification.</summary>
    Own,

    /// <summary>
    /// Another organisation's in the same local authority. For an agency worker: a leg of their agency type sent to
    /// another organisation of that type (the agency directory sends a young person living out of area to that area's
    /// organisation). For a young person: another young person's record. For council staff, whose organisation is
    /// the council: a case a colleague made in the same council, which is theirs too unless it is personal (a notification).
    /// </summary>
    OtherOrganisation,

    /// <summary>Another local authority's (tenant's), sent to the same organisations as the caller's own.</summary>
    OtherTenant,
}

/// <summary>What kind of object an endpoint addresses (in its route or its body), which decides what each ownership case means.</summary>
/// <param name="Name">How the matrix names it.</param>
/// <param name="HasOwner">False for an endpoint that addresses nothing that belongs to anyone: it has one case, not three.</param>
/// <param name="SharedWithColleagues">Whether council staff see a colleague's as their own (<see cref="Ownership.OtherOrganisation"/>).</param>
public sealed record Addressed(string Name, bool HasOwner, bool SharedWithColleagues)
{
    public static readonly Addressed Nothing = new("—", HasOwner: false, SharedWithColleagues: false);

    /// <summary>One of the hub's error queues: the hub's own, no local authority's.</summary>
    public static readonly Addressed Queue = new("error queue", HasOwner: false, SharedWithColleagues: false);

    /// <summary>A message parked in the hub's outbox: the hub's own, no local authority's.</summary>
    public static readonly Addressed ParkedMessage = new("parked outbox message", HasOwner: false, SharedWithColleagues: false);

    public static readonly Addressed YoungPerson = new("young person", HasOwner: true, SharedWithColleagues: true);
    public static readonly Addressed Referral = new("referral", HasOwner: true, SharedWithColleagues: true);

    /// <summary>One agency's part of a referral: for an agency worker, the leg of their own agency type.</summary>
    public static readonly Addressed Leg = new("leg", HasOwner: true, SharedWithColleagues: true);

    /// <summary>For an escalation manager, an escalation at their own level.</summary>
    public static readonly Addressed Escalation = new("escalation", HasOwner: true, SharedWithColleagues: true);

    /// <summary>One of the board's actions: for an agency worker, the action owned by their own organisation.</summary>
    public static readonly Addressed BoardAction = new("board action", HasOwner: true, SharedWithColleagues: true);

    /// <summary>A notification in a person's inbox: their own only, never a colleague's.</summary>
    public static readonly Addressed Notification = new("notification", HasOwner: true, SharedWithColleagues: false);

    /// <summary>The ownership cases a cell is asked in: three for an owned object, one (null) otherwise.</summary>
    public IReadOnlyList<Ownership?> Cases => HasOwner ? [Ownership.Own, Ownership.OtherOrganisation, Ownership.OtherTenant] : [null];

    /// <summary>Whether a caller the endpoint admits may see the object of this case.</summary>
    public bool IsVisibleTo(Caller caller, Ownership? ownership) => ownership switch
    {
        null or Ownership.Own => true,
        Ownership.OtherOrganisation => caller.IsCouncilStaff && SharedWithColleagues,
        _ => false,
    };

    public override string ToString() => Name;
}
