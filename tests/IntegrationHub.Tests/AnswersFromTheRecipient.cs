using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Tests;

/// <summary>
/// Stands in for the adapters host for the stubbed agencies, whose answers the tests publish straight onto
/// the hub's bus as the agency's system would through its adapter: unless the test says which organisation
/// answers (the <see cref="AnsweringOrganisation"/> header), the answer comes from the organisation its leg
/// is addressed to, as the answers listener would say for that organisation's RabbitMQ user. Answers for
/// legs of agencies whose adapters run in the hub, which say it themselves, and for legs the hub does not
/// know are left as they are.
/// </summary>
sealed class AnswersFromTheRecipient(HubFactory hub, IReadOnlyCollection<string> stubbedAgencies) : IPublishObserver
{
    public async Task PrePublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is not ILegAnswer answer || context.Headers.TryGetHeader(AnsweringOrganisation.Header, out _))
        {
            return;
        }

        var leg = await hub.QueryAsync(db => db.Legs.Where(l => l.Id == answer.LegId).Select(l => new { l.Agency, l.Recipient }).SingleOrDefaultAsync());
        if (leg is not null && stubbedAgencies.Contains(leg.Agency))
        {
            context.Headers.Set(AnsweringOrganisation.Header, leg.Recipient.Code);
        }
    }

    public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
