using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Adapters.Channels.Amqp;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Contracts.V1;
using IntegrationHub.IntegrationTests.ServiceDefaults;
using IntegrationHub.Referrals;
using IntegrationHub.Testing;
using RabbitMQ.Client;

namespace IntegrationHub.IntegrationTests.Adapters;

/// <summary>
/// The housing adapter runs in the hub on AMQP, and two housing authorities take their referrals from
/// queues of their own and answer on the answers exchange, each as a RabbitMQ user of its own: the local
/// authority's own (to which its legs go) and Leeds's (to which the legs of young people living in Leeds go).
/// </summary>
public sealed class HubWithTwoHousingAuthoritiesOnAmqp : HubOnRealInfrastructure
{
    public static readonly string OwnAuthority = HousingAgency.Define(new AdapterOptions()).DefaultOrganisation.Code;
    public const string LeedsAuthority = "E08000035";
    public const string Leeds = "leeds";
    public const string Password = "answers-only-2026";

    /// <summary>RabbitMQ users belong to the node, not the virtual host: named for the run so runs do not meet.</summary>
    public string OwnUser => $"{VirtualHost}-own";

    public string LeedsUser => $"{VirtualHost}-leeds";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Adapters:Agencies:0"] = AgencyCodes.Housing,
        ["Adapters:DefaultChannel"] = AdapterOptions.AmqpChannelName,
        [$"AgencyDirectory:Areas:{Leeds}:housing:Code"] = LeedsAuthority,
        [$"AgencyDirectory:Areas:{Leeds}:housing:Name"] = "Leeds City Council housing options",
        [$"AgencyDirectory:Organisations:{OwnAuthority}:RabbitMqUsers:0"] = OwnUser,
        [$"AgencyDirectory:Organisations:{LeedsAuthority}:RabbitMqUsers:0"] = LeedsUser,
    };
}

/// <summary>
/// Each organisation reads only the referrals addressed to it, from its own queue, and answers on the bus
/// are taken only from the organisation the leg is addressed to: RabbitMQ vouches for the publishing user
/// (its <c>user_id</c>), the adapter says whose user it is, and the hub refuses an answer from any other
/// organisation, leaving the leg as it was. Each user has the permissions the contract tells an
/// organisation to give it.
/// </summary>
public sealed class OrganisationAnswersOverAmqpTests(HubWithTwoHousingAuthoritiesOnAmqp hub) : IClassFixture<HubWithTwoHousingAuthoritiesOnAmqp>, IAsyncLifetime
{
    static readonly string OwnQueue = Endpoints.AgencyQueue(AgencyCodes.Housing, HubWithTwoHousingAuthoritiesOnAmqp.OwnAuthority);
    static readonly string LeedsQueue = Endpoints.AgencyQueue(AgencyCodes.Housing, HubWithTwoHousingAuthoritiesOnAmqp.LeedsAuthority);

    /// <summary>
    /// Each organisation's user may publish to the answers exchange and read its own queue, nothing more. The hub is
    /// ready first: the exchange and the organisations' queues are declared in the background after start-up, and a
    /// partner publishing to an exchange not yet there loses the answer.
    /// </summary>
    public async Task InitializeAsync()
    {
        using (var client = hub.CreateClient())
        {
            await HubReadiness.ReadyAsync(client);
        }

        foreach (var (user, queue) in new[] { (hub.OwnUser, OwnQueue), (hub.LeedsUser, LeedsQueue) })
        {
            await RealInfrastructure.RabbitCtlAsync("add_user", user, HubWithTwoHousingAuthoritiesOnAmqp.Password);
            await RealInfrastructure.RabbitCtlAsync(
                "set_permissions", "-p", hub.VirtualHost, user, "^$", $"^{Regex.Escape(Endpoints.AgencyAnswersExchange)}$", $"^{Regex.Escape(queue)}$");
        }
    }

    public async Task DisposeAsync()
    {
        await RealInfrastructure.RabbitCtlAsync("delete_user", hub.OwnUser);
        await RealInfrastructure.RabbitCtlAsync("delete_user", hub.LeedsUser);
    }

    static Task<RawRabbit> ConnectAsAsync(HubWithTwoHousingAuthoritiesOnAmqp hub, string user) =>
        RawRabbit.ConnectAsync(hub.VirtualHost, user, HubWithTwoHousingAuthoritiesOnAmqp.Password);

    static string Acknowledged(Guid legId) => JsonSerializer.Serialize(new
    {
        answerId = Guid.NewGuid(),
        legId,
        status = "acknowledged",
        officer = "Housing options officer",
        decidedAt = DateTimeOffset.UtcNow,
    });

    /// <summary>A referral to the local authority's own housing authority, and its leg.</summary>
    static async Task<(Guid ReferralId, Guid LegId)> OwnHousingLegAsync(HttpClient pa)
    {
        var referralId = await pa.MakeReferralAsync([AgencyCodes.Housing]);
        var leg = (await Scenario.GetAsync(pa, referralId)).Legs.Single();
        Assert.Equal(HubWithTwoHousingAuthoritiesOnAmqp.OwnAuthority, leg.Recipient.Code);
        return (referralId, leg.Id);
    }

    [Fact]
    public async Task Each_authority_reads_the_referral_addressed_to_it_from_its_own_queue_and_may_not_read_the_others()
    {
        using var pa = hub.PersonalAdviser();
        var (_, ownLeg) = await OwnHousingLegAsync(pa);
        var leedsReferral = await pa.MakeReferralAsync([AgencyCodes.Housing], await pa.RegisterWithPlanAsync(HubWithTwoHousingAuthoritiesOnAmqp.Leeds));
        var leedsLeg = (await Scenario.GetAsync(pa, leedsReferral)).Legs.Single();
        Assert.Equal(HubWithTwoHousingAuthoritiesOnAmqp.LeedsAuthority, leedsLeg.Recipient.Code);
        await using var own = await ConnectAsAsync(hub, hub.OwnUser);
        await using var leeds = await ConnectAsAsync(hub, hub.LeedsUser);

        var ownReferral = await own.WaitForMessageAsync(OwnQueue, m => m.Header("x-leg-id") == ownLeg.ToString(), "the own authority's leg on its queue", Scenario.Patience);
        var leedsDocument = await leeds.WaitForMessageAsync(LeedsQueue, m => m.Header("x-leg-id") == leedsLeg.Id.ToString(), "the Leeds leg on the Leeds queue", Scenario.Patience);

        Assert.Equal(HubWithTwoHousingAuthoritiesOnAmqp.OwnAuthority, ownReferral.Header("x-recipient"));
        Assert.Equal(HubWithTwoHousingAuthoritiesOnAmqp.LeedsAuthority, leedsDocument.Header("x-recipient"));
        await using var peeking = await leeds.ChannelAsync();
        var refused = await Assert.ThrowsAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(() => peeking.BasicGetAsync(OwnQueue, autoAck: false));
        Assert.Equal(Constants.AccessRefused, refused.ShutdownReason!.ReplyCode);
    }

    [Fact]
    public async Task Answer_published_by_another_organisations_user_is_refused_and_the_leg_is_unchanged_while_its_own_organisations_applies()
    {
        await using var operatorView = await RawRabbit.ConnectAsync(hub.VirtualHost);
        using var pa = hub.PersonalAdviser();
        var (referralId, legId) = await OwnHousingLegAsync(pa);
        await using var leeds = await ConnectAsAsync(hub, hub.LeedsUser);

        await leeds.PublishAsync(Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, Acknowledged(legId), hub.LeedsUser);

        var refused = await operatorView.WaitForMessageAsync($"{Endpoints.LegAnswersQueue}_error", Scenario.Patience);
        Assert.Contains(legId.ToString(), refused.Body, StringComparison.Ordinal);
        Assert.Equal(
            $"The answer for leg {legId} came from organisation '{HubWithTwoHousingAuthoritiesOnAmqp.LeedsAuthority}', but the leg is addressed to '{HubWithTwoHousingAuthoritiesOnAmqp.OwnAuthority}'.",
            refused.Header("MT-Fault-Message"));
        var unchanged = await Scenario.GetAsync(pa, referralId);
        Assert.Equal(LegStatusCodes.Requested, Scenario.Status(unchanged, AgencyCodes.Housing));
        Assert.DoesNotContain(unchanged.Timeline, t => t.LegId == legId && t.Kind != TimelineKinds.LegRequested);

        await using var own = await ConnectAsAsync(hub, hub.OwnUser);
        await own.PublishAsync(Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, Acknowledged(legId), hub.OwnUser);

        await Scenario.WaitForAsync(pa, referralId, r => Scenario.Status(r, AgencyCodes.Housing) == LegStatusCodes.Received, "the own authority's acknowledgement");
    }

    [Fact]
    public async Task RabbitMQ_refuses_an_answer_whose_user_id_names_another_organisations_user()
    {
        using var pa = hub.PersonalAdviser();
        var (referralId, legId) = await OwnHousingLegAsync(pa);
        await using var leeds = await ConnectAsAsync(hub, hub.LeedsUser);
        await using var channel = await leeds.ChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var forged = new BasicProperties { ContentType = "application/json", UserId = hub.OwnUser };

        await Assert.ThrowsAnyAsync<Exception>(async () => await channel.BasicPublishAsync(
            Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, mandatory: false, forged, Encoding.UTF8.GetBytes(Acknowledged(legId))));

        var closed = await Eventually.WaitAsync(() => channel.CloseReason, reason => reason is not null, "the broker to close the forger's channel");
        Assert.Equal(406, closed!.ReplyCode);
        Assert.Contains("user_id", closed.ReplyText, StringComparison.Ordinal);

        // Only the genuine answer that follows reaches the leg: the forged one was never queued.
        await using var own = await ConnectAsAsync(hub, hub.OwnUser);
        await own.PublishAsync(Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, Acknowledged(legId), hub.OwnUser);
        var after = await Scenario.WaitForAsync(pa, referralId, r => Scenario.Status(r, AgencyCodes.Housing) == LegStatusCodes.Received, "the genuine acknowledgement");
        Assert.Single(after.Timeline, t => t.LegId == legId && t.Kind == TimelineKinds.StatusChanged);
    }

    [Fact]
    public async Task Answer_without_user_id_or_from_a_user_of_no_organisation_goes_to_the_answers_error_queue_with_the_reason()
    {
        await using var operatorView = await RawRabbit.ConnectAsync(hub.VirtualHost);
        using var pa = hub.PersonalAdviser();
        var (referralId, legId) = await OwnHousingLegAsync(pa);
        await using var own = await ConnectAsAsync(hub, hub.OwnUser);
        var errors = Endpoints.AgencyAnswersErrorQueue(AgencyCodes.Housing);

        await own.PublishAsync(Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, Acknowledged(legId));
        var withoutUser = await operatorView.WaitForMessageAsync(errors, Scenario.Patience);
        await operatorView.PublishAsync(Endpoints.AgencyAnswersExchange, AgencyCodes.Housing, Acknowledged(legId), RealInfrastructure.RabbitUser);
        var ofNoOrganisation = await operatorView.WaitForMessageAsync(errors, Scenario.Patience);

        Assert.StartsWith("The answer has no user_id", withoutUser.Header(AgencyAnswerListener.RejectionReasonHeader), StringComparison.Ordinal);
        Assert.Equal(
            $"RabbitMQ user '{RealInfrastructure.RabbitUser}' answers for no organisation: the hub's AgencyDirectory:Organisations lists no organisation with that user.",
            ofNoOrganisation.Header(AgencyAnswerListener.RejectionReasonHeader));
        Assert.Equal(LegStatusCodes.Requested, Scenario.Status(await Scenario.GetAsync(pa, referralId), AgencyCodes.Housing));
    }
}
