using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;

namespace IntegrationHub.Adapters.Channels.Amqp;

/// <summary>
/// What a partner on the AMQP channel uses: its documents queue <c>agency-{agency}</c>, the
/// <c>agency-answers</c> direct exchange routing its agency code to <c>agency-answers-{agency}</c>,
/// and <c>agency-answers-{agency}_error</c> for answers the adapter cannot read.
/// </summary>
public static class AgencyTopology
{
    public static Topology For(IEnumerable<string> agencies)
    {
        var codes = agencies.ToList();
        return new Topology(
            [.. codes.SelectMany(a => new[] { Endpoints.AgencyQueue(a), Endpoints.AgencyAnswersQueue(a), Endpoints.AgencyAnswersErrorQueue(a) })],
            [.. codes.Select(a => new DirectBinding(Endpoints.AgencyAnswersExchange, a, Endpoints.AgencyAnswersQueue(a)))]);
    }
}
