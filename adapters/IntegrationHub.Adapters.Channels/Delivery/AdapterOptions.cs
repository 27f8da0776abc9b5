using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
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

    public DeliveryRetryOptions Delivery { get; set; } = new();

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

/// <summary>
/// How long a leg whose delivery attempts keep failing for a reason that may pass (<see cref="DeliveryFailedException.Transient"/>)
/// waits and is sent again before it fails. Outages of the agencies' systems last hours, not seconds: the channel's own
/// quick retries are inside one attempt; these are between attempts, by the hub, which keeps the leg waiting meanwhile.
/// </summary>
public sealed class DeliveryRetryOptions
{
    /// <summary>From the leg's first sending (or an operator's resending) to the last attempt; after it the leg fails.</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The wait after the first failed attempt; each following wait doubles, up to <see cref="MaxInterval"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The wait after the <paramref name="failedAttempts"/>th failed attempt.</summary>
    public TimeSpan IntervalAfter(int failedAttempts) =>
        TimeSpan.FromTicks((long)Math.Min(FirstRetry.Ticks * Math.Pow(2, Math.Max(failedAttempts - 1, 0)), MaxInterval.Ticks));

    /// <summary>What is wrong with the settings, if anything.</summary>
    public IEnumerable<string> Problems()
    {
        var at = $"{AdapterOptions.Section}:{nameof(AdapterOptions.Delivery)}";
        if (FirstRetry <= TimeSpan.Zero)
        {
            yield return $"{at}:FirstRetry must be positive.";
        }

        if (MaxInterval < FirstRetry)
        {
            yield return $"{at}:MaxInterval must be at least FirstRetry.";
        }

        if (RetryBudget < FirstRetry)
        {
            yield return $"{at}:RetryBudget must be at least FirstRetry, or no attempt would be retried.";
        }
    }
}

/// <summary>Refuses to start with delivery retry settings that could not retry, naming each setting.</summary>
sealed class DeliveryRetryValidation : IValidateOptions<AdapterOptions>
{
    public ValidateOptionsResult Validate(string? name, AdapterOptions options) =>
        options.Delivery.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
