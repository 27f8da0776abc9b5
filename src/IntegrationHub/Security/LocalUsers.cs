using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Referrals;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Security;

/// <summary>
/// The people the local sign-in page and the demo banner offer where LocalTokens is enabled: one
/// of each role for a local authority, each agency's demo worker for the organisation the agency
/// directory routes the local authority's legs to, and a worker of each organisation that serves its
/// young people living in another area. Entra ID replaces them in production.
/// </summary>
public sealed class LocalUsers(AgencyDefinitions agencies, IOptions<AgencyDirectoryOptions> directory)
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
        .. agencies.All.Select(agency => new HubUser(
            $"demo-{agency.Code}-worker", agency.Demo.Worker, HubRoles.Agency, tenantId, agency.Code, null, OwnOrganisation(tenantId, agency.Code))),
        .. OutOfAreaWorkers(tenantId),
        new("demo-teammanager", "Team manager", HubRoles.TeamManager, tenantId, null, null),
        new("demo-headofservice", "Head of service", HubRoles.HeadOfService, tenantId, null, null),
        new("demo-boardmember", "Corporate Parenting Board member", HubRoles.BoardMember, tenantId, null, null),
        new("demo-operator", "Hub operator", HubRoles.Operator, tenantId, null, null),
        new("demo-dpo", "Data Protection Officer", HubRoles.DataProtectionOfficer, tenantId, null, null),
        YoungPerson(tenantId),
    ];

    string OwnOrganisation(string tenantId, string agency) => directory.Value.OrganisationFor(tenantId, residenceArea: null, agency).Code;

    /// <summary>The organisations of other areas (<c>AgencyDirectory:Areas</c>) that the local authority's young people living there are referred to.</summary>
    IEnumerable<HubUser> OutOfAreaWorkers(string tenantId) =>
        directory.Value.Areas.Values
            .SelectMany(area => area)
            .Where(entry => agencies.Contains(entry.Key) && entry.Value.Code != OwnOrganisation(tenantId, entry.Key))
            .DistinctBy(entry => (entry.Key, entry.Value.Code))
            .Select(entry => new HubUser(
                $"demo-{entry.Key}-{entry.Value.Code}-worker", $"Worker at {entry.Value.Name}", HubRoles.Agency, tenantId, entry.Key, null, entry.Value.Code));
}
