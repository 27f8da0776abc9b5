namespace IntegrationHub.Security;

/// <summary>App roles, as Entra ID puts them in the token's <c>roles</c> claim.</summary>
public static class HubRoles
{
    public const string PersonalAdviser = "PersonalAdviser";
    public const string Agency = "Agency";

    /// <summary>Runs the hub: looks at and replays dead-lettered messages. Sees no personal data.</summary>
    public const string Operator = "Operator";

    /// <summary>The PA's team manager: level-1 escalations.</summary>
    public const string TeamManager = "TeamManager";

    /// <summary>Head of the leaving care service: level-2 escalations.</summary>
    public const string HeadOfService = "HeadOfService";

    /// <summary>A Corporate Parenting Board member: level 3, aggregates and case references, names only with a recorded purpose.</summary>
    public const string BoardMember = "BoardMember";

    /// <summary>Answers for the local authority's handling of personal data: verifies the audit, answers subject access requests.</summary>
    public const string DataProtectionOfficer = "DataProtectionOfficer";

    /// <summary>A care leaver: their own record only, bound to it by the token's <see cref="HubClaims.YoungPerson"/> claim.</summary>
    public const string YoungPerson = "YoungPerson";

    public static IReadOnlyList<string> EscalationRoles { get; } = [TeamManager, HeadOfService, BoardMember];
}

/// <summary>The hub's own claims, issued by Entra ID as optional claims or by the local issuer.</summary>
public static class HubClaims
{
    /// <summary>The local authority (tenant) a user works for or serves.</summary>
    public const string LocalAuthority = "local_authority";

    /// <summary>The agency type an agency user works for.</summary>
    public const string Agency = "agency";

    /// <summary>The organisation (its code in the agency directory) an agency user works for.</summary>
    public const string Organisation = "organisation";

    /// <summary>The young person's own record id, for a young person signed in to see it.</summary>
    public const string YoungPerson = "young_person";
}

public static class HubPolicies
{
    public const string PersonalAdviser = nameof(PersonalAdviser);
    public const string AgencyWorker = nameof(AgencyWorker);
    public const string Operator = nameof(Operator);
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);

    /// <summary>A young person with a token bound to their own record (<see cref="HubClaims.YoungPerson"/>).</summary>
    public const string YoungPerson = nameof(YoungPerson);

    /// <summary>A young person's record that both they and their Personal Adviser reach, each service deciding what each may see.</summary>
    public const string PersonalAdviserOrYoungPerson = nameof(PersonalAdviserOrYoungPerson);

    /// <summary>Team managers, heads of service and board members of one local authority.</summary>
    public const string EscalationManager = nameof(EscalationManager);

    /// <summary>The same policy for the pages: signed in with the pages' cookie instead of a bearer token.</summary>
    public static string OnPages(string policy) => $"{policy}.Pages";
}
