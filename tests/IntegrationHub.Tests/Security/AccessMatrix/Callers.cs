using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>
/// One caller of each kind the hub knows: every role of a local authority's staff, a young person, a
/// worker of each agency type (for the organisation the agency directory sends that agency's legs to),
/// and nobody. <see cref="MatrixHub.UserOf"/> gives each the claims their token or sign-in cookie carries.
/// </summary>
/// <param name="Name">The caller's column in the matrix.</param>
/// <param name="Role">One of <see cref="HubRoles"/>; null for nobody signed in.</param>
/// <param name="Agency">For an agency worker, one of <see cref="AgencyCodes"/>.</param>
public sealed record Caller(string Name, string? Role, string? Agency = null)
{
    public static readonly Caller PersonalAdviser = new("Personal Adviser", HubRoles.PersonalAdviser);
    public static readonly Caller TeamManager = new("Team manager", HubRoles.TeamManager);
    public static readonly Caller HeadOfService = new("Head of service", HubRoles.HeadOfService);
    public static readonly Caller BoardMember = new("Board member", HubRoles.BoardMember);
    public static readonly Caller Operator = new("Operator", HubRoles.Operator);
    public static readonly Caller DataProtectionOfficer = new("Data Protection Officer", HubRoles.DataProtectionOfficer);
    public static readonly Caller YoungPerson = new("Young person", HubRoles.YoungPerson);
    public static readonly Caller Anonymous = new("Anonymous", null);

    public static IReadOnlyList<Caller> Agencies { get; } = [.. AgencyCodes.All.Select(agency => new Caller($"Agency: {agency}", HubRoles.Agency, agency))];

    public static IReadOnlyList<Caller> All { get; } =
    [
        PersonalAdviser, TeamManager, HeadOfService, BoardMember, Operator, DataProtectionOfficer, YoungPerson, .. Agencies, Anonymous,
    ];

    public bool IsAnonymous => Role is null;

    /// <summary>The caller's column heading in the matrix's grid.</summary>
    public string Column => Role switch
    {
        null => "Anon",
        HubRoles.PersonalAdviser => "PA",
        HubRoles.TeamManager => "TM",
        HubRoles.HeadOfService => "HoS",
        HubRoles.BoardMember => "Board",
        HubRoles.Operator => "Op",
        HubRoles.DataProtectionOfficer => "DPO",
        HubRoles.YoungPerson => "YP",
        _ => Agency ?? Role,
    };

    /// <summary>
    /// Staff of a local authority: their organisation is the council, so a colleague's case in the same
    /// council is theirs too where the council shares it (<see cref="Addressed.SharedWithColleagues"/>).
    /// </summary>
    public bool IsCouncilStaff => Role is not (null or HubRoles.Agency or HubRoles.YoungPerson);

    /// <summary>The escalation level the role answers for: team manager 1, head of service 2, the board 3.</summary>
    public int? EscalationLevel => Role switch
    {
        HubRoles.TeamManager => 1,
        HubRoles.HeadOfService => 2,
        HubRoles.BoardMember => 3,
        _ => null,
    };

    public override string ToString() => Name;
}
