using System.Net;
using System.Net.Http.Headers;
using IntegrationHub.Adapters.Channels.Delivery;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace IntegrationHub.Adapters.Channels.Webhooks;

/// <summary>
/// POSTs the agency's document to the organisation's webhook, each attempt signed by
/// <see cref="WebhookSigningHandler"/>. Retries, backoff with jitter, Retry-After and the circuit
/// breaker are in the named client's resilience pipeline (<see cref="ChannelsExtensions"/>); when
/// they have given up, delivery has failed.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory clients, IOptions<AdapterOptions> options) : IAgencyChannel
{
    public const string ClientName = "webhooks";
    public const string DeliveryIdHeader = WebhookSignature.DeliveryHeader;

    public string Name => AdapterOptions.WebhookChannelName;

    public async Task<DeliveryReceipt> DeliverAsync(AgencyDelivery delivery, CancellationToken cancellationToken)
    {
        var organisation = options.Value.For(delivery.Recipient.Code);
        if (organisation.WebhookUrl is null || organisation.WebhookKeys.Count == 0)
        {
            throw new DeliveryFailedException($"Organisation '{delivery.Recipient.Code}' has no webhook URL and keys configured.", transient: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, organisation.WebhookUrl)
        {
            Content = new StringContent(delivery.Document.Body, new MediaTypeHeaderValue(delivery.Document.ContentType) { CharSet = "utf-8" }),
        };
        request.Headers.Add(DeliveryIdHeader, $"{delivery.LegId:N}-{delivery.Kind}");
        request.Options.Set(WebhookSigningHandler.Keys, organisation.WebhookKeys);

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or BrokenCircuitException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Unreachable, timed out, or the circuit to it open: the organisation's system is away, not refusing the document.
            throw new DeliveryFailedException($"Webhook {organisation.WebhookUrl.Host} could not be reached: {ex.Message}", transient: true, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DeliveryFailedException(
                    $"Webhook {organisation.WebhookUrl.Host} answered {(int)response.StatusCode} {response.ReasonPhrase} after {options.Value.Webhooks.MaxRetryAttempts + 1} attempts.",
                    IsTransient(response.StatusCode));
            }

            var reference = response.Headers.TryGetValues("X-Agency-Reference", out var values) ? values.FirstOrDefault() : null;
            return new DeliveryReceipt(ReceivedByAgency: delivery.Kind == AgencyDelivery.ReferralKind, reference);
        }
    }

    /// <summary>
    /// A server error, a request timeout or too many requests say the organisation's system cannot take the document now;
    /// any other 4xx says it will not take this document, however often it is sent.
    /// </summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
