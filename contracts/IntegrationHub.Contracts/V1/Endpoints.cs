namespace IntegrationHub.Contracts.V1;

/// <summary>The queue and exchange names on the hub's RabbitMQ.</summary>
public static class Endpoints
{
    /// <summary>
    /// The hub sends each agency's adapter its <see cref="LegRequested"/> and <see cref="LegCancelled"/>
    /// messages here (MassTransit envelope). Partners do not read these.
    /// </summary>
    public static string AdapterQueue(string agency) => $"adapter-{agency}";

    /// <summary>
    /// A receiving organisation on the AMQP channel consumes the documents addressed to it, as plain JSON,
    /// from its own queue: its agency code, then its organisation code (the <c>recipient.code</c> of its legs),
    /// e.g. <c>agency-housing.E08000035</c>. No organisation reads another's.
    /// </summary>
    public static string AgencyQueue(string agency, string organisation) => $"agency-{agency}.{organisation}";

    /// <summary>A partner system publishes its answers, as plain JSON, to this direct exchange with its agency code as the routing key.</summary>
    public const string AgencyAnswersExchange = "agency-answers";

    /// <summary>Where the adapter reads one agency's plain JSON answers from.</summary>
    public static string AgencyAnswersQueue(string agency) => $"agency-answers-{agency}";

    /// <summary>Where an answer the adapter cannot read goes, with the reason in its <c>x-rejection-reason</c> header.</summary>
    public static string AgencyAnswersErrorQueue(string agency) => $"{AgencyAnswersQueue(agency)}_error";

    /// <summary>The hub consumes agency answers (hub contracts) from this queue.</summary>
    public const string LegAnswersQueue = "hub-leg-answers";
}
