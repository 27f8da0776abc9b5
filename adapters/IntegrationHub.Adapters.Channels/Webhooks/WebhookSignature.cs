using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Adapters.Channels.Webhooks;

/// <summary>
/// The signature on every webhook attempt: HMAC-SHA256 over <c>{delivery id}.{timestamp}.{body}</c>,
/// once with each of the organisation's active keys, sent as
/// <c>X-Hub-Signature-256: keyid={id};sha256={hex}, keyid={id};sha256={hex}</c> with
/// <c>X-Hub-Timestamp: {unix seconds}</c> and <c>X-Hub-Delivery: {delivery id}</c>. Each attempt is
/// signed when it is sent, so a retry is never outside the receiver's replay window; a receiver
/// recomputes the signature of a key it holds, refuses a timestamp outside its window and, with the
/// delivery id signed, can refuse a delivery it has already taken. Two keys are active while a
/// secret is rotated: the receiver accepts either until it has the new one.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Hub-Signature-256";
    public const string TimestampHeader = "X-Hub-Timestamp";
    public const string DeliveryHeader = "X-Hub-Delivery";

    public static string Sign(string deliveryId, long timestamp, string body, IEnumerable<WebhookKey> keys) =>
        string.Join(", ", keys.Select(key => $"keyid={key.KeyId};sha256={Mac(key.Secret, deliveryId, timestamp, body)}"));

    public static bool IsValid(
        string body, string? deliveryId, string? timestamp, string? signatures, IReadOnlyCollection<WebhookKey> keys, DateTimeOffset now, TimeSpan replayWindow)
    {
        if (string.IsNullOrEmpty(deliveryId) || signatures is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > replayWindow)
        {
            return false;
        }

        foreach (var signature in signatures.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = signature.Split(';', StringSplitOptions.TrimEntries);
            if (parts is [var id, var mac] && id.StartsWith("keyid=", StringComparison.Ordinal) && mac.StartsWith("sha256=", StringComparison.Ordinal)
                && keys.FirstOrDefault(k => k.KeyId == id["keyid=".Length..]) is { } key
                && CryptographicOperations.FixedTimeEquals(
                    Encoding.ASCII.GetBytes(Mac(key.Secret, deliveryId, seconds, body)), Encoding.ASCII.GetBytes(mac["sha256=".Length..])))
            {
                return true;
            }
        }

        return false;
    }

    static string Mac(string secret, string deliveryId, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{deliveryId}.{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}")));
}
