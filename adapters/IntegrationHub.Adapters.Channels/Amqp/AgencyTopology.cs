using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;

namespace IntegrationHub.Adapters.Channels.Amqp;

/// <summary>
/// What a partner on the AMQP channel uses: its organisation's documents queue
/// <c>agency-{agency}.{organisation}</c>, the <c>agency-answers</c> direct exchange routing its agency
/// code to <c>agency-answers-{agency}</c>, and <c>agency-answers-{agency}_error</c> for answers the
/// adapter cannot read.
/// </summary>
public static class AgencyTopology
{
    /// <summary>Where one agency's answers arrive, and where those the adapter cannot read go.</summary>
    public static Topology Answers(string agency) =>
        new(
            [Endpoints.AgencyAnswersQueue(agency), Endpoints.AgencyAnswersErrorQueue(agency)],
            [new DirectBinding(Endpoints.AgencyAnswersExchange, agency, Endpoints.AgencyAnswersQueue(agency))]);

    /// <summary>Every agency's answers, and the documents queue of each organisation that takes its referrals over AMQP.</summary>
    public static Topology For(IEnumerable<string> agencies, IEnumerable<(string Agency, string Organisation)> amqpOrganisations)
    {
        var answers = agencies.Select(Answers).ToList();
        return new Topology(
            [.. amqpOrganisations.Select(o => Endpoints.AgencyQueue(o.Agency, o.Organisation)), .. answers.SelectMany(t => t.Queues)],
            [.. answers.SelectMany(t => t.Bindings)]);
    }
}
