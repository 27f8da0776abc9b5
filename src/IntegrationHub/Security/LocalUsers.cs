using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.Channels.Agencies;

namespace IntegrationHub.Security;

/// <summary>
/// The people the local sign-in page and the demo banner offer where LocalTokens is enabled: one
/// of each role for a local authority, and each agency's demo worker. Entra ID replaces them in production.
/// </summary>
public sealed class LocalUsers(AgencyDefinitions agencies)
{
    public static HubUser PersonalAdviser(string tenantId) =>
        new("demo-pa-1", "Sam Patel", HubRoles.PersonalAdviser, tenantId, null, "sam.patel@demo-council.example");

    /// <summary>The demo young person, signed in to their own record: the one the demo seeder makes as <see cref="DemoYoungPersonId"/>.</summary>
    public static HubUser YoungPerson(string tenantId) =>
        new("demo-young-person", "Jordan Ellis", HubRoles.YoungPerson, tenantId, null, "jordan@example.org", YoungPersonId: DemoYoungPersonId(tenantId));

    /// <summary>
    /// The demo young person's record id: the same on every start, and different in each local authority, since a young
    /// person's id is unique across the hub.
    /// </summary>
    public static Guid DemoYoungPersonId(string tenantId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"demo-young-person:{tenantId}")).AsSpan(0, 16));

    public IReadOnlyList<HubUser> For(string tenantId) =>
    [
        PersonalAdviser(tenantId),
        .. agencies.All.Select(agency => new HubUser($"demo-{agency.Code}-worker", agency.Demo.Worker, HubRoles.Agency, tenantId, agency.Code, null)),
        new("demo-teammanager", "Team manager", HubRoles.TeamManager, tenantId, null, null),
        new("demo-headofservice", "Head of service", HubRoles.HeadOfService, tenantId, null, null),
        new("demo-boardmember", "Corporate Parenting Board member", HubRoles.BoardMember, tenantId, null, null),
        new("demo-operator", "Hub operator", HubRoles.Operator, tenantId, null, null),
        new("demo-dpo", "Data Protection Officer", HubRoles.DataProtectionOfficer, tenantId, null, null),
        YoungPerson(tenantId),
    ];
}
