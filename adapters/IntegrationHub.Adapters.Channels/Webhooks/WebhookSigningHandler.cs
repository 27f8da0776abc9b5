using System.Globalization;

namespace IntegrationHub.Adapters.Channels.Webhooks;

/// <summary>
/// Signs each attempt as it leaves, inside the resilience pipeline: a retry minutes later carries
/// its own timestamp and signature, not the first attempt's.
/// </summary>
public sealed class WebhookSigningHandler(TimeProvider clock) : DelegatingHandler
{
    /// <summary>The organisation's active keys, set on the request by <see cref="WebhookChannel"/>.</summary>
    public static readonly HttpRequestOptionsKey<IReadOnlyList<WebhookKey>> Keys = new("webhook-keys");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(Keys, out var keys) || request.Content is null
            || !request.Headers.TryGetValues(WebhookSignature.DeliveryHeader, out var deliveryIds))
        {
            throw new InvalidOperationException("A webhook request needs its organisation's keys, a body and a delivery id to be signed.");
        }

        var body = await request.Content.ReadAsStringAsync(cancellationToken);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Remove(WebhookSignature.TimestampHeader);
        request.Headers.Remove(WebhookSignature.SignatureHeader);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(deliveryIds.Single(), timestamp, body, keys));
        return await base.SendAsync(request, cancellationToken);
    }
}
