using System.Collections.Concurrent;
using IntegrationHub.Adapters.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Adapters.Channels.Tests.Webhooks;

/// <summary>An agency's webhook endpoint on 127.0.0.1 that answers each call as the test says and checks every signature against its key.</summary>
sealed class WebhookReceiver : IAsyncDisposable
{
    public static readonly WebhookKey Key = new() { KeyId = "test-2026", Secret = "test-webhook-secret-0123456789" };
    readonly WebApplication app;

    WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedCall> Calls { get; } = new();

    public Uri Url => new($"{app.Urls.First()}/referrals");

    public static async Task<WebhookReceiver> StartAsync(Func<int, HttpResponse, Task> answer, WebhookKey? key = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/referrals", async (HttpRequest request, HttpResponse response) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var valid = WebhookSignature.IsValid(
                body,
                request.Headers[WebhookSignature.DeliveryHeader],
                request.Headers[WebhookSignature.TimestampHeader],
                request.Headers[WebhookSignature.SignatureHeader],
                [key ?? Key],
                DateTimeOffset.UtcNow,
                TimeSpan.FromMinutes(5));
            var at = DateTimeOffset.UtcNow;
            await answer(receiver.Calls.Count + 1, response);
            receiver.Calls.Enqueue(new ReceivedCall(
                at, body, valid, request.Headers[WebhookSignature.DeliveryHeader].ToString(), request.Headers[WebhookSignature.TimestampHeader].ToString(), response.StatusCode));
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

sealed record ReceivedCall(DateTimeOffset At, string Body, bool SignatureValid, string DeliveryId, string Timestamp, int Status);
