using IntegrationHub.ServiceDefaults;
using MassTransit;

namespace IntegrationHub.Messaging;

/// <summary>Carries the correlation id from an incoming message to the log and to every message it causes.</summary>
sealed class CorrelationConsumeFilter<T>(CorrelationContext correlation, ILogger<CorrelationConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var offered = context.Headers.Get<string>(CorrelationContext.Header);
        correlation.Id = CorrelationContext.IsAcceptable(offered) ? offered : CorrelationContext.NewId();
        correlation.TagCurrentActivity();
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlation.Id, ["MessageId"] = context.MessageId ?? Guid.Empty }))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
