using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Tests;

/// <summary>
/// Stands in for the adapters host for answers a test publishes straight onto the hub's bus, as an
/// agency system would through its adapter: unless the test says which organisation answers (the
/// <see cref="AnsweringOrganisation"/> header), the answer comes from the organisation its leg is
/// addressed to, as the answers listener would say for that organisation's RabbitMQ user. An answer for
/// a leg the hub does not know is left as it is.
/// </summary>
sealed class AnswersFromTheRecipient(HubFactory hub) : IPublishObserver
{
    public async Task PrePublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is not ILegAnswer answer || context.Headers.TryGetHeader(AnsweringOrganisation.Header, out _))
        {
            return;
        }

        var recipient = await hub.QueryAsync(db => db.Legs.Where(l => l.Id == answer.LegId).Select(l => l.Recipient).SingleOrDefaultAsync());
        if (recipient is not null)
        {
            context.Headers.Set(AnsweringOrganisation.Header, recipient.Code);
        }
    }

    public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
