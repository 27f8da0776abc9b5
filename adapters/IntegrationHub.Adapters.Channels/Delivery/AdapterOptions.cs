using System.ComponentModel.DataAnnotations;
using IntegrationHub.Adapters.Channels.Webhooks;

namespace IntegrationHub.Adapters.Channels.Delivery;

/// <summary>Which agency adapters this process runs, and how each receiving organisation is reached.</summary>
public sealed class AdapterOptions
{
    public const string Section = "Adapters";

    /// <summary>The agency codes whose adapters run in this process (the hub's, or the adapters host's); <c>*</c> for every registered agency.</summary>
    public string[] Agencies { get; set; } = [];

    public const string AllAgencies = "*";

    /// <summary>The channel of an organisation with no entry of its own.</summary>
    [Required]
    public string DefaultChannel { get; set; } = AmqpChannelName;

    /// <summary>By organisation code (the <c>Recipient.Code</c> of a leg).</summary>
    public Dictionary<string, OrganisationChannel> Organisations { get; set; } = [];

    public WebhookOptions Webhooks { get; set; } = new();

    /// <summary>The hub's public address, for links agencies follow back to it (the probation event's detailUrl).</summary>
    public Uri HubBaseUrl { get; set; } = new("http://localhost:5080");

    public const string AmqpChannelName = "Amqp";
    public const string WebhookChannelName = "Webhook";
    public const string FhirRestChannelName = "FhirRest";
    public const string PartnerInboxChannelName = "PartnerInbox";

    /// <summary>The organisation's own entry, else the agency's default channel, else <see cref="DefaultChannel"/>.</summary>
    public OrganisationChannel For(string organisationCode, string? agencyDefaultChannel = null) =>
        Organisations.TryGetValue(organisationCode, out var own) ? own : new OrganisationChannel { Channel = agencyDefaultChannel ?? DefaultChannel };
}

public sealed class OrganisationChannel
{
    public string Channel { get; set; } = AdapterOptions.AmqpChannelName;

    /// <summary>For the webhook channel: where to POST; HTTPS (plain HTTP only to a loopback address, for local tests).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// For the webhook channel: one or, while a secret is rotated, two keys that every attempt is
    /// signed with (HMAC-SHA256). Keep the secrets in a secret store.
    /// </summary>
    public List<WebhookKey> WebhookKeys { get; set; } = [];

    /// <summary>What is wrong with a webhook organisation's settings, if anything.</summary>
    public IEnumerable<string> WebhookProblems(string code)
    {
        var at = $"{AdapterOptions.Section}:Organisations:{code}";
        if (WebhookUrl is null)
        {
            yield return $"{at}:WebhookUrl is required for the webhook channel.";
        }
        else if (WebhookUrl.Scheme != Uri.UriSchemeHttps && !(WebhookUrl.Scheme == Uri.UriSchemeHttp && WebhookUrl.IsLoopback))
        {
            yield return $"{at}:WebhookUrl must be https (plain http only to a loopback address).";
        }

        if (WebhookKeys.Count is < 1 or > 2)
        {
            yield return $"{at}:WebhookKeys needs one key, or two while a secret is rotated.";
        }

        foreach (var key in WebhookKeys.Where(k => !WebhookKey.IdPattern().IsMatch(k.KeyId ?? "") || (k.Secret?.Length ?? 0) < WebhookKey.MinimumSecretLength))
        {
            yield return $"{at}:WebhookKeys has key '{key.KeyId}': a KeyId of letters, digits, '.', '_' or '-' (at most 40) and a Secret of at least {WebhookKey.MinimumSecretLength} characters are required.";
        }

        if (WebhookKeys.Select(k => k.KeyId).Distinct(StringComparer.Ordinal).Count() != WebhookKeys.Count)
        {
            yield return $"{at}:WebhookKeys has two keys with one KeyId.";
        }
    }
}

public sealed class WebhookOptions
{
    /// <summary>Retries after the first attempt, with exponential backoff and jitter, honouring Retry-After.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failures in a row, within <see cref="BreakSamplingDuration"/>, that open the circuit to an organisation.</summary>
    [Range(2, 1000)]
    public int BreakMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakSamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
