using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Security;

/// <summary>
/// The people the local sign-in page and the demo banner offer where LocalTokens is enabled: one
/// of each role for a local authority, and a worker for each agency. Entra ID replaces them in production.
/// </summary>
public static class LocalUsers
{
    public static HubUser PersonalAdviser(string tenantId) =>
        new("demo-pa-1", "Sam Patel", HubRoles.PersonalAdviser, tenantId, null, "sam.patel@demo-council.example");

    public static IReadOnlyList<HubUser> For(string tenantId) =>
    [
        PersonalAdviser(tenantId),
        .. AgencyCodes.All.Select(agency => new HubUser($"demo-{agency}-worker", WorkerName(agency), HubRoles.Agency, tenantId, agency, null)),
        new("demo-teammanager", "Team manager", HubRoles.TeamManager, tenantId, null, null),
        new("demo-headofservice", "Head of service", HubRoles.HeadOfService, tenantId, null, null),
        new("demo-boardmember", "Corporate Parenting Board member", HubRoles.BoardMember, tenantId, null, null),
        new("demo-operator", "Hub operator", HubRoles.Operator, tenantId, null, null),
    ];

    static string WorkerName(string agency) => agency switch
    {
        AgencyCodes.Housing => "Alex Morgan (housing options officer)",
        AgencyCodes.Nhs => "Priya Shah (CAMHS transition nurse)",
        AgencyCodes.Dwp => "Chris Okafor (Jobcentre work coach)",
        AgencyCodes.Probation => "Jo Williams (probation practitioner)",
        AgencyCodes.Yos => "Dan Hughes (youth justice worker)",
        _ => $"{agency} worker",
    };
}
