using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Security;

namespace IntegrationHub.Pages.Shared;

/// <summary>Where each role goes: its home page and the links in the service navigation.</summary>
public static class Navigation
{
    public static IReadOnlyList<(string Href, string Text)> For(HubUser user) => user.Role switch
    {
        HubRoles.PersonalAdviser => [("/workspace", "My young people"), ("/workspace/inbox", "My inbox")],
        HubRoles.Agency => [("/partner", "Referrals to my agency")],
        HubRoles.TeamManager or HubRoles.HeadOfService or HubRoles.BoardMember => [("/board", "Board dashboard"), ("/board/decisions", "Board decisions")],
        HubRoles.YoungPerson => [("/me", "My referrals"), ("/me/consents", "My consent")],
        _ => [],
    };

    public static string Home(HubUser user) => For(user) is [var first, ..] ? first.Href : "/";

    public static string RoleName(HubUser user, AgencyDefinitions agencies) => user.Role switch
    {
        HubRoles.PersonalAdviser => "Personal Adviser",
        HubRoles.Agency => $"{agencies.NameOf(user.Agency ?? "")} worker",
        HubRoles.TeamManager => "Team manager",
        HubRoles.HeadOfService => "Head of service",
        HubRoles.BoardMember => "Corporate Parenting Board member",
        HubRoles.Operator => "Hub operator",
        HubRoles.DataProtectionOfficer => "Data Protection Officer",
        HubRoles.YoungPerson => "Young person",
        _ => user.Role,
    };
}
