using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Adapters.Channels.Webhooks;

/// <summary>
/// The signature on every webhook: HMAC-SHA256, keyed with the organisation's shared secret, over
/// <c>{timestamp}.{body}</c>, sent as <c>X-Hub-Signature-256: sha256={hex}</c> with
/// <c>X-Hub-Timestamp: {unix seconds}</c>. A receiver recomputes it and refuses a timestamp outside
/// its replay window.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string TimestampHeader = "X-Hub-Timestamp";
    public const string DeliveryHeader = "X-Hub-Delivery";

    public static string Sign(string body, long timestamp, string secret)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return $"sha256={Convert.ToHexStringLower(mac)}";
    }

    public static bool IsValid(string body, string? timestamp, string? signature, string secret, DateTimeOffset now, TimeSpan replayWindow)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null)
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > replayWindow)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, seconds, secret)), Encoding.ASCII.GetBytes(signature));
    }
}
