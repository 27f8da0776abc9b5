using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Dwp;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Benchmarks;

/// <summary>A leg as its agency received it, and when (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed record Delivery(Guid Referral, Guid Leg, long At);

/// <summary>
/// The housing authority, the NHS trust and the Jobcentre as partners with nothing but RabbitMQ.Client: each reads
/// its referrals from its own queue, notes when each leg arrived, and accepts it at once in its own answer format on
/// the answers exchange, as its own RabbitMQ user (the hub takes answers only from the leg's organisation's user).
/// </summary>
public sealed class Partners : IAsyncDisposable
{
    sealed record Partner(string Agency, string Organisation, Func<Guid, string, string> Accept)
    {
        public string User { get; } = string.Create(CultureInfo.InvariantCulture, $"bench-{Agency}-{Guid.NewGuid():N}")[..24];
    }

    static readonly IReadOnlyList<Partner> All =
    [
        new(AgencyCodes.Housing, HousingAgency.Define(new AdapterOptions()).DefaultOrganisation.Code, (leg, _) => JsonSerializer.Serialize(new
        {
            answerId = Guid.NewGuid(), legId = leg, status = "accepted", duty = "prevention", officer = "Housing options officer", decidedAt = DateTimeOffset.UtcNow,
        })),
        new(AgencyCodes.Nhs, NhsAgency.Define(new AdapterOptions()).DefaultOrganisation.Code, (leg, organisation) => JsonSerializer.Serialize(new
        {
            resourceType = "Task",
            id = Guid.NewGuid().ToString(),
            identifier = new[] { new { system = "urn:care-leaver-hub:leg", value = leg.ToString() } },
            status = "accepted",
            intent = "order",
            lastModified = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            owner = new { identifier = new { system = "https://fhir.nhs.uk/Id/ods-organization-code", value = organisation } },
        })),
        new(AgencyCodes.Dwp, DwpAgency.Define(new AdapterOptions()).DefaultOrganisation.Code, (leg, _) => JsonSerializer.Serialize(new
        {
            answerId = Guid.NewGuid(), legId = leg, type = "accepted", officer = "Work coach", at = DateTimeOffset.UtcNow, text = "Care leaver SPOC allocated.",
        })),
    ];

    static readonly string Password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    readonly ConcurrentQueue<Delivery> deliveries = new();
    readonly List<RawRabbit> connections = [];
    readonly List<Task> readers = [];
    int answersSent;

    /// <summary>The hub's settings that run the three agencies on AMQP, each organisation answering as its partner's user.</summary>
    public static IReadOnlyDictionary<string, string> HubSettings() => All
        .SelectMany((p, i) => new[]
        {
            ($"Adapters:Agencies:{i}", p.Agency),
            ($"AgencyDirectory:Organisations:{p.Organisation}:RabbitMqUsers:0", p.User),
        })
        .Append(("Adapters:DefaultChannel", AdapterOptions.AmqpChannelName))
        .ToDictionary(s => s.Item1, s => s.Item2);

    public int AnswersSent => Volatile.Read(ref answersSent);

    public IReadOnlyCollection<Delivery> Deliveries => deliveries;

    /// <summary>A partner that stopped reading (a leg without its headers) would look like a slow hub: fail instead.</summary>
    public void ThrowIfStopped()
    {
        if (readers.FirstOrDefault(r => r.IsCompleted) is { } stopped)
        {
            throw new InvalidOperationException("A partner stopped reading its queue.", stopped.Exception);
        }
    }

    public static async Task<Partners> ConnectAsync(string virtualHost)
    {
        var partners = new Partners();
        foreach (var partner in All)
        {
            await RealInfrastructure.RabbitCtlAsync("add_user", partner.User, Password);
            await RealInfrastructure.RabbitCtlAsync("set_permissions", "-p", virtualHost, partner.User, ".*", ".*", ".*");
            var connection = await RawRabbit.ConnectAsync(virtualHost, partner.User, Password);
            partners.connections.Add(connection);
            var queue = Endpoints.AgencyQueue(partner.Agency, partner.Organisation);
            await connection.WaitForQueueAsync(queue, TimeSpan.FromMinutes(1));
            var received = await connection.ConsumeAsync(queue);
            partners.readers.Add(Task.Run(async () =>
            {
                await foreach (var message in received.ReadAllAsync())
                {
                    var leg = Guid.Parse(message.Header("x-leg-id"));
                    partners.deliveries.Enqueue(new Delivery(Guid.Parse(message.Header("x-referral-id")), leg, Stopwatch.GetTimestamp()));
                    await connection.PublishAsync(Endpoints.AgencyAnswersExchange, partner.Agency, partner.Accept(leg, partner.Organisation), partner.User);
                    Interlocked.Increment(ref partners.answersSent);
                }
            }));
        }

        return partners;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        foreach (var partner in All)
        {
            await RealInfrastructure.RabbitCtlAsync("delete_user", partner.User);
        }
    }
}
