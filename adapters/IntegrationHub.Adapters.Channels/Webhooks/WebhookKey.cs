using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Channels.Webhooks;

/// <summary>A webhook signing key: its id, sent with each signature so the receiver knows which secret to check with.</summary>
public sealed partial class WebhookKey
{
    public const int MinimumSecretLength = 24;

    public string KeyId { get; set; } = "";

    public string Secret { get; set; } = "";

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    internal static partial Regex IdPattern();
}
