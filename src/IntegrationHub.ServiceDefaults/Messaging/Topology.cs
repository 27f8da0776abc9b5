namespace IntegrationHub.Messaging;

/// <summary>
/// Queues, each with its same-named fanout exchange, and the bindings of direct exchanges to them:
/// what a process declares on RabbitMQ before it needs them.
/// </summary>
public sealed record Topology(IReadOnlyList<string> Queues, IReadOnlyList<DirectBinding> Bindings);

/// <summary>A durable direct exchange that routes <paramref name="RoutingKey"/> to <paramref name="Queue"/>.</summary>
public sealed record DirectBinding(string Exchange, string RoutingKey, string Queue);
