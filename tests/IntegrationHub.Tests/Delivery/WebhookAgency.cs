using System.Collections.Concurrent;
using IntegrationHub.Adapters.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Tests.Delivery;

/// <summary>
/// A housing authority's webhook on 127.0.0.1 (a random port): answers the n-th call (from 1) with
/// the status the test chooses, and records every call with whether its signature was valid.
/// </summary>
public sealed class WebhookAgency : IAsyncDisposable
{
    public static readonly WebhookKey Key = new() { KeyId = "hub-tests", Secret = "hub-tests-webhook-secret-0123456789" };
    public const string AgencyReference = "HX-WEBHOOK-7";

    readonly WebApplication app;
    readonly ConcurrentQueue<WebhookCall> calls = new();
    int count;

    WebhookAgency(WebApplication app) => this.app = app;

    public Uri Url => new($"{app.Urls.First()}/duty-to-refer");

    public IReadOnlyList<WebhookCall> Calls => [.. calls];

    public static async Task<WebhookAgency> StartAsync(Func<int, int> statusOfCall)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var agency = new WebhookAgency(app);
        app.MapPost("/duty-to-refer", async (HttpRequest request, HttpResponse response) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var signed = WebhookSignature.IsValid(
                body,
                request.Headers[WebhookSignature.DeliveryHeader],
                request.Headers[WebhookSignature.TimestampHeader],
                request.Headers[WebhookSignature.SignatureHeader],
                [Key],
                DateTimeOffset.UtcNow,
                TimeSpan.FromMinutes(5));
            var status = statusOfCall(Interlocked.Increment(ref agency.count));
            response.StatusCode = status;
            if (status is >= 200 and < 300)
            {
                response.Headers["X-Agency-Reference"] = AgencyReference;
            }

            agency.calls.Enqueue(new WebhookCall(body, signed, request.Headers[WebhookSignature.DeliveryHeader].ToString(), status));
        });
        await app.StartAsync();
        return agency;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed record WebhookCall(string Body, bool SignatureValid, string DeliveryId, int Status)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
