using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>
/// How each receiving organisation's own systems prove who they are, by the organisation's code in the
/// agency directory (<c>AgencyDirectory:Organisations:{code}</c>): the Entra ID applications (client ids)
/// that call the hub for it with app-only tokens, and the RabbitMQ users it publishes its answers as.
/// The hub reads the applications, the answers listeners (in the hub or the adapters host) the RabbitMQ
/// users, both from the same settings. One application or user acts for one organisation only.
/// </summary>
public sealed class OrganisationCredentialsOptions
{
    public const string Section = "AgencyDirectory";

    public Dictionary<string, OrganisationCredentials> Organisations { get; set; } = [];

    /// <summary>The organisation an Entra ID application (its client id, the token's <c>azp</c> or <c>appid</c>) acts for, if any.</summary>
    public string? OrganisationOfApplication(string clientId) =>
        Organisations.FirstOrDefault(o => o.Value.EntraApplications.Contains(clientId, StringComparer.OrdinalIgnoreCase)).Key;

    /// <summary>The organisation a RabbitMQ user (the <c>user_id</c> the broker checked) answers for, if any.</summary>
    public string? OrganisationOfRabbitMqUser(string user) =>
        Organisations.FirstOrDefault(o => o.Value.RabbitMqUsers.Contains(user, StringComparer.Ordinal)).Key;

    /// <summary>What is wrong with the settings, each problem naming its setting.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (code, credentials) in Organisations)
        {
            var at = $"{Section}:{nameof(Organisations)}:{code}";
            if (credentials.EntraApplications.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"{at}:{nameof(OrganisationCredentials.EntraApplications)} has an empty client id.";
            }

            if (credentials.RabbitMqUsers.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"{at}:{nameof(OrganisationCredentials.RabbitMqUsers)} has an empty user name.";
            }
        }

        foreach (var shared in SharedBetweenOrganisations(c => c.EntraApplications, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Entra ID application '{shared.Key}' is listed for {string.Join(" and ", shared)}: an application acts for one organisation.";
        }

        foreach (var shared in SharedBetweenOrganisations(c => c.RabbitMqUsers, StringComparer.Ordinal))
        {
            yield return $"RabbitMQ user '{shared.Key}' is listed for {string.Join(" and ", shared)}: each organisation answers as users of its own.";
        }
    }

    IEnumerable<IGrouping<string, string>> SharedBetweenOrganisations(Func<OrganisationCredentials, List<string>> names, StringComparer comparer) =>
        Organisations
            .SelectMany(o => names(o.Value).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(comparer).Select(name => (Name: name, Organisation: o.Key)))
            .GroupBy(x => x.Name, x => x.Organisation, comparer)
            .Where(g => g.Count() > 1);
}

public sealed class OrganisationCredentials
{
    /// <summary>Client ids of the Entra ID applications that call the hub for the organisation (client credentials).</summary>
    public List<string> EntraApplications { get; set; } = [];

    /// <summary>The RabbitMQ users the organisation publishes its answers as; give each organisation users of its own.</summary>
    public List<string> RabbitMqUsers { get; set; } = [];
}

/// <summary>Refuses to start with an empty name or one application or RabbitMQ user listed for two organisations, naming each.</summary>
sealed class OrganisationCredentialsValidation : IValidateOptions<OrganisationCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganisationCredentialsOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
