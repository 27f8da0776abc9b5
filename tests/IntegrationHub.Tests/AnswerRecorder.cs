using System.Collections.Concurrent;
using IntegrationHub.Contracts.V1;
using MassTransit;

namespace IntegrationHub.Tests;

/// <summary>
/// Watches the hub's handling of agency answers: every answer a consumer finished with (or
/// failed on), and every <see cref="Fault{T}"/> of an answer that was published.
/// </summary>
public sealed class AnswerRecorder : IConsumeObserver
{
    readonly ConcurrentQueue<Guid> handled = new();
    readonly ConcurrentQueue<(Guid LegId, string? CorrelationId)> correlations = new();
    readonly ConcurrentQueue<AnswerFault> faults = new();

    public static async Task<AnswerRecorder> ConnectAsync(IBus bus)
    {
        var recorder = new AnswerRecorder();
        bus.ConnectConsumeObserver(recorder);
        var handle = bus.ConnectReceiveEndpoint("hub-tests-answer-faults", e =>
        {
            recorder.OnFault<LegAcknowledged>(e);
            recorder.OnFault<LegAccepted>(e);
            recorder.OnFault<LegDeclined>(e);
            recorder.OnFault<LegStarted>(e);
            recorder.OnFault<LegPutOnHold>(e);
            recorder.OnFault<LegCompleted>(e);
        });
        await handle.Ready;
        return recorder;
    }

    void OnFault<T>(IReceiveEndpointConfigurator endpoint) where T : class, ILegAnswer =>
        endpoint.Handler<Fault<T>>(context =>
        {
            faults.Enqueue(new AnswerFault(
                typeof(T).Name,
                context.Message.Message.AnswerId,
                context.Message.Message.LegId,
                context.Message.Exceptions.FirstOrDefault()?.ExceptionType,
                context.Message.Exceptions.FirstOrDefault()?.Message));
            return Task.CompletedTask;
        });

    public IReadOnlyList<AnswerFault> Faults => [.. faults];

    /// <summary>How many times the hub finished handling (or failing) an answer with this id.</summary>
    public int TimesHandled(Guid answerId) => handled.Count(id => id == answerId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    /// <summary>The correlation id each answer for a leg arrived with.</summary>
    public IReadOnlyList<string?> CorrelationIdsFor(Guid legId) => [.. correlations.Where(c => c.LegId == legId).Select(c => c.CorrelationId)];

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is ILegAnswer answer)
        {
            handled.Enqueue(answer.AnswerId);
            correlations.Enqueue((answer.LegId, context.Headers.Get<string>(IntegrationHub.ServiceDefaults.CorrelationContext.Header)));
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => PostConsume(context);
}

public sealed record AnswerFault(string MessageType, Guid AnswerId, Guid LegId, string? ExceptionType, string? Message);
