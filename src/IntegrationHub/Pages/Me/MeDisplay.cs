using IntegrationHub.Consents;
using IntegrationHub.Security;

namespace IntegrationHub.Pages.Me;

/// <summary>The words the young person's own pages use about their consent.</summary>
public static class MeDisplay
{
    /// <summary>Who withdrew it, said to the young person: "You withdrew it", or that their adviser did for them.</summary>
    public static string Withdrawn(ConsentWithdrawal withdrawal) => withdrawal.ByRole == HubRoles.YoungPerson
        ? "You withdrew it"
        : $"Withdrawn by {withdrawal.By}, your Personal Adviser,";
}
