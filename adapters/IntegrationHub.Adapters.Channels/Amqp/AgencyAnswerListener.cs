using System.Text;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Messaging;
using IntegrationHub.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace IntegrationHub.Adapters.Channels.Amqp;

/// <summary>
/// Reads one agency's plain JSON answers from <c>agency-answers-{agency}</c> (bound to the
/// <c>agency-answers</c> direct exchange by the agency code), turns them into hub messages with the
/// agency's format and publishes them to the hub as coming from the organisation whose RabbitMQ user
/// published them (<see cref="AnsweringOrganisation"/>). The answer's <c>user_id</c> property names that
/// user, and RabbitMQ refuses a <c>user_id</c> that is not the publishing connection's own user, so it
/// cannot be forged; <c>AgencyDirectory:Organisations:{code}:RabbitMqUsers</c> says whose user it is. An answer with no
/// <c>user_id</c>, from a user of no organisation, or that is not valid goes, with the reasons (for a
/// document, every bad field, each with what is wrong) in its <c>x-rejection-reason</c> header, to
/// <c>agency-answers-{agency}_error</c>, and so does one the format fails to read in a way it did not foresee (it would
/// fail again); while the hub's bus refuses an answer, the listener pauses and tries it again, the answer held on its queue.
/// </summary>
public sealed class AgencyAnswerListener(
    IAgencyFormat format,
    IBus hub,
    IOptions<BusOptions> bus,
    IOptions<OrganisationCredentialsOptions> credentials,
    QueueAddresses queues,
    DependencyOutages outages,
    ILogger<AgencyAnswerListener> logger) : BackgroundService
{
    public const string RejectionReasonHeader = "x-rejection-reason";

    static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (outages.Met(ex, $"the {format.Agency} answers listener") is null)
                {
                    logger.LogWarning(ex, "Listening for {Agency} answers stopped; trying again", format.Agency);
                }

                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    async Task ListenAsync(CancellationToken stoppingToken)
    {
        var queue = Endpoints.AgencyAnswersQueue(format.Agency);
        var errors = Endpoints.AgencyAnswersErrorQueue(format.Agency);
        await queues.DeclareAsync(AgencyTopology.Answers(format.Agency), stoppingToken);

        await using var connection = await RabbitMqConnections.OpenAsync(bus.Value.RabbitMq, $"answers-{format.Agency}", stoppingToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken);
        await channel.BasicQosAsync(0, 16, global: false, stoppingToken);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var body = Encoding.UTF8.GetString(delivery.Body.Span);
            using var activity = AmqpTraceContext.StartReceive($"{Endpoints.AgencyAnswersExchange} receive", delivery.BasicProperties.Headers);
            activity?.SetTag("messaging.system", "rabbitmq").SetTag("messaging.destination.name", queue).SetTag("hub.agency", format.Agency);
            try
            {
                var (organisation, refusal) = OrganisationOf(delivery.BasicProperties.UserId);
                if (organisation is null)
                {
                    logger.LogWarning("A {Agency} answer was rejected: {Refusal}", format.Agency, refusal);
                    await RejectAsync(channel, errors, delivery, refusal!, stoppingToken);
                    return;
                }

                var answers = format.ReadAnswer(body).ToList();
                await PassOnAsync(answers, organisation, stoppingToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stoppingToken);
            }
            catch (AgencyAnswerRejectedException ex)
            {
                // The fields, not the messages: a message may quote the document. The dead-lettered copy carries every reason.
                logger.LogWarning("A {Agency} answer was rejected for its {Fields}", format.Agency, string.Join(", ", ex.Errors.Keys));
                await RejectAsync(channel, errors, delivery, ex.Message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Reading failed in a way the format did not foresee: the same answer would fail again, so it is
                // not taken back onto its queue (a loop), but kept on the error queue with the reason.
                logger.LogError(ex, "A {Agency} answer could not be read", format.Agency);
                await RejectAsync(channel, errors, delivery, $"The adapter could not read the answer ({ex.GetType().Name}).", stoppingToken);
            }
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stoppingToken);

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.ChannelShutdownAsync += (_, _) =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await closed.Task.WaitAsync(stoppingToken);
    }

    /// <summary>
    /// Passes the answers on to the hub, trying again with growing pauses while the hub's bus refuses them: that is
    /// the bus's fault, not the answer's, so the answer stays unacknowledged at the head of its queue, and the
    /// listener pauses, until it is through or the process stops. A copy passed on twice has no second effect (its answer id).
    /// </summary>
    async Task PassOnAsync(IReadOnlyList<ILegAnswer> answers, string organisation, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var answer in answers)
                {
                    await hub.PublishAsync(answer, organisation, stoppingToken);
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var pause = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), MaxPause.TotalSeconds));
                if (outages.Met(ex, $"the {format.Agency} answers listener, passing an answer to the hub") is null && (attempt == 1 || pause == MaxPause))
                {
                    logger.LogWarning(ex, "A {Agency} answer could not be passed to the hub (attempt {Attempt}); trying again in {Pause}", format.Agency, attempt, pause);
                }

                await Task.Delay(pause, stoppingToken);
            }
        }
    }

    /// <summary>The organisation an answer published as <paramref name="user"/> comes from, or why it is not taken.</summary>
    (string? Organisation, string? Refusal) OrganisationOf(string? user) =>
        string.IsNullOrEmpty(user)
            ? (null, "The answer has no user_id: publish it with the user_id property set to your RabbitMQ user name, so the hub knows which organisation answers.")
            : credentials.Value.OrganisationOfRabbitMqUser(user) is { } organisation
                ? (organisation, null)
                : (null, $"RabbitMQ user '{user}' answers for no organisation: the hub's AgencyDirectory:Organisations lists no organisation with that user.");

    /// <summary>Moves the answer, as it came and with the reason in a header, to the agency's answers error queue.</summary>
    static async Task RejectAsync(IChannel channel, string errors, BasicDeliverEventArgs delivery, string reason, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties(delivery.BasicProperties)
        {
            Headers = new Dictionary<string, object?>(delivery.BasicProperties.Headers ?? new Dictionary<string, object?>())
            {
                [RejectionReasonHeader] = reason,
            },
        };
        await channel.BasicPublishAsync(errors, routingKey: "", mandatory: true, properties, delivery.Body, cancellationToken);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
    }
}
