using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Messaging;

public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>InMemory (the embedded default, one process only) or RabbitMq.</summary>
    [Required]
    [RegularExpression("^(InMemory|RabbitMq)$", ErrorMessage = "Bus:Transport must be InMemory or RabbitMq.")]
    public string Transport { get; set; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";

    /// <summary>Replicated quorum queues for the hub's own and agencies' queues (RabbitMQ 3.8 and later).</summary>
    public bool QuorumQueues { get; set; } = true;

    public const ushort MaxPrefetchCount = 1000;

    /// <summary>
    /// How many unacknowledged messages each receive endpoint takes from its queue, and so how many it handles at once.
    /// MassTransit's default is twice the cores, at most 16: on a 2-core node 4, which leaves a consumer that waits on the
    /// database or the broker (every consumer here) idle most of the time. Mind the database's connection pool: the hub's
    /// endpoints together may hold this many connections each.
    /// </summary>
    public ushort PrefetchCount { get; set; } = 32;
}
