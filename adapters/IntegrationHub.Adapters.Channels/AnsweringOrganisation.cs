using MassTransit;

namespace IntegrationHub.Adapters.Channels;

/// <summary>
/// The organisation an agency answer on the hub's own bus comes from, in a header of the hub-internal
/// message (never on a partner's wire). Only the hub's trusted processes publish answers on that bus:
/// the answers listener, from the RabbitMQ user the broker vouched for, and the delivery channels, for
/// the organisation they delivered to. The hub records an answer only on a leg addressed to it.
/// </summary>
public static class AnsweringOrganisation
{
    public const string Header = "x-answering-organisation";

    /// <summary>Publishes an answer as coming from <paramref name="organisation"/>.</summary>
    public static Task PublishAsync(this IPublishEndpoint bus, object answer, string organisation, CancellationToken cancellationToken) =>
        bus.Publish(answer, answer.GetType(), Pipe.Execute<PublishContext>(context => context.Headers.Set(Header, organisation)), cancellationToken);

    /// <summary>The organisation the answer came from; null when no trusted process said.</summary>
    public static string? Of(ConsumeContext context) =>
        context.Headers.Get<string>(Header) is { Length: > 0 } organisation ? organisation : null;
}
