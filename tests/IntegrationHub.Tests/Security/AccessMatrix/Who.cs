using IntegrationHub.Contracts.V1;
using IntegrationHub.Security;

namespace IntegrationHub.Tests.Security.AccessMatrix;

/// <summary>Who an endpoint admits: the callers that get past its sign-in and role check to the object itself.</summary>
/// <param name="Name">How the matrix says it.</param>
/// <param name="IsPublic">Open to anyone, signed in or not: anonymous callers get the endpoint's own answer, not 401.</param>
public sealed record Who(string Name, Func<Caller, bool> Admits, bool IsPublic = false)
{
    public static readonly Who Anyone = new("anyone, signed in or not", _ => true, IsPublic: true);
    public static readonly Who SignedIn = new("anyone signed in for a local authority", c => !c.IsAnonymous);
    public static readonly Who PersonalAdvisers = Role(HubRoles.PersonalAdviser, "Personal Advisers");
    public static readonly Who EscalationManagers = new(
        "team managers, heads of service and board members", c => c.Role is HubRoles.TeamManager or HubRoles.HeadOfService or HubRoles.BoardMember);

    public static readonly Who TeamManagersAndHeadsOfService = new(
        "team managers and heads of service", c => c.Role is HubRoles.TeamManager or HubRoles.HeadOfService);

    public static readonly Who BoardMembers = Role(HubRoles.BoardMember, "board members");
    public static readonly Who Operators = Role(HubRoles.Operator, "operators");
    public static readonly Who DataProtectionOfficers = Role(HubRoles.DataProtectionOfficer, "Data Protection Officers");
    public static readonly Who YoungPeople = Role(HubRoles.YoungPerson, "young people");
    public static readonly Who Agencies = Role(HubRoles.Agency, "agency workers");

    /// <summary>The FHIR facade's only agency: FHIR is the NHS's format.</summary>
    public static readonly Who TheNhs = new("NHS workers", c => c is { Role: HubRoles.Agency, Agency: AgencyCodes.Nhs });

    static Who Role(string role, string name) => new(name, c => c.Role == role);

    /// <summary>Either's callers, e.g. <c>PersonalAdvisers | YoungPeople</c>.</summary>
    public static Who operator |(Who left, Who right) =>
        new($"{left.Name} and {right.Name}", c => left.Admits(c) || right.Admits(c), left.IsPublic || right.IsPublic);

    public override string ToString() => Name;
}
