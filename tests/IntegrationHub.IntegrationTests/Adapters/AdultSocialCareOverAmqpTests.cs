using System.Text.Json;
using IntegrationHub.Adapters.AdultSocialCare;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using IntegrationHub.Testing;

namespace IntegrationHub.IntegrationTests.Adapters;

/// <summary>
/// The adult social care adapter runs in the hub. A council's own adult social care answers in the
/// partner inbox by default, so its organisation is put on the AMQP channel here, as a council whose
/// adult social care system takes referrals over AMQP would configure it; the test script's RabbitMQ user answers for it.
/// </summary>
public sealed class HubWithAdultSocialCareOnAmqp : HubOnRealInfrastructure
{
    /// <summary>The organisation the directory sends adult social care legs to where a tenant names none.</summary>
    public static readonly string Organisation = AdultSocialCareAgency.Define(new AdapterOptions()).DefaultOrganisation.Code;

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Adapters:Agencies:0"] = AgencyCodes.AdultSocialCare,
        [$"Adapters:Organisations:{Organisation}:Channel"] = AdapterOptions.AmqpChannelName,
        [$"AgencyDirectory:Organisations:{Organisation}:RabbitMqUsers:0"] = RealInfrastructure.RabbitUser,
    };
}

/// <summary>
/// An adult social care system written with nothing but RabbitMQ.Client: it reads the Care Act transition
/// assessment referral as plain JSON from its own queue and answers with asc.update documents on the answers
/// exchange, and the leg's status and timeline follow each answer in the hub.
/// </summary>
public sealed class AdultSocialCareOverAmqpTests(HubWithAdultSocialCareOnAmqp hub) : IClassFixture<HubWithAdultSocialCareOnAmqp>
{
    const string Agency = AgencyCodes.AdultSocialCare;

    [Fact]
    public async Task Adult_social_care_receives_the_transition_referral_and_its_answers_take_the_leg_to_completed()
    {
        using var pa = hub.PersonalAdviser();
        var referralId = await pa.MakeReferralAsync([Agency]);
        await using var partner = await RawRabbit.ConnectAsync(hub.VirtualHost);

        Assert.Equal($"agency-adult-social-care.{HubWithAdultSocialCareOnAmqp.Organisation}", Endpoints.AgencyQueue(Agency, HubWithAdultSocialCareOnAmqp.Organisation));
        var delivered = await partner.WaitForMessageAsync(Endpoints.AgencyQueue(Agency, HubWithAdultSocialCareOnAmqp.Organisation), Scenario.Patience);

        using var referral = JsonDocument.Parse(delivered.Body);
        var root = referral.RootElement;
        Assert.False(root.TryGetProperty("messageType", out _), "Adult social care must get plain JSON, not a MassTransit envelope.");
        Assert.Equal(referralId, root.GetProperty("hubReferences").GetProperty("referralId").GetGuid());
        var legId = root.GetProperty("hubReferences").GetProperty("legId").GetGuid();
        Assert.Equal("9434765919", root.GetProperty("person").GetProperty("nhsNumber").GetString());
        Assert.False(root.GetProperty("underEighteen").GetBoolean());
        Assert.Equal("18-20", root.GetProperty("ageBand").GetString());
        Assert.Equal(["accommodation", "health"], root.GetProperty("sections").EnumerateObject().Select(s => s.Name).Order());
        Assert.DoesNotContain("AB123456C", delivered.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("X123456", delivered.Body, StringComparison.Ordinal);

        await AnswerAsync(partner, legId, "acknowledged", new() { ["agencyReference"] = "ASC-IT-1" });
        var acknowledged = await Scenario.WaitForAsync(pa, referralId, r => Scenario.Status(r, Agency) == LegStatusCodes.Received, "the acknowledgement");
        Assert.Equal("ASC-IT-1", Assert.Single(acknowledged.Legs).AgencyReference);

        await AnswerAsync(partner, legId, "assessment-scheduled", new()
        {
            ["assessmentAt"] = DateTimeOffset.UtcNow.AddDays(10),
            ["location"] = "Exampletown Civic Centre",
        });
        var scheduled = await Scenario.WaitForAsync(
            pa, referralId, r => r.Timeline.Any(t => t.Kind == TimelineKinds.AgencyUpdate && t.LegId == legId), "the assessment on the timeline");
        Assert.Contains("Exampletown Civic Centre", Assert.Single(scheduled.Timeline, t => t.Kind == TimelineKinds.AgencyUpdate).Detail, StringComparison.Ordinal);
        Assert.Equal(LegStatusCodes.Received, Scenario.Status(scheduled, Agency));

        // Eligible needs accept the leg and start care and support planning: two answers, each in its own transaction.
        await AnswerAsync(partner, legId, "eligible-needs-found", new() { ["eligibleNeeds"] = "Preparing meals and managing the home." });
        var eligible = await Scenario.WaitForAsync(pa, referralId, r => Scenario.Status(r, Agency) == LegStatusCodes.InProgress, "care and support planning under way");
        Assert.Contains(eligible.Timeline, t => t.Kind == TimelineKinds.StatusChanged && t.ToStatus == LegStatusCodes.Accepted && t.Detail == "Preparing meals and managing the home.");

        await AnswerAsync(partner, legId, "completed", new() { ["carePlanReference"] = "CSP-IT-42" });
        var completed = await Scenario.WaitForAsync(pa, referralId, r => Scenario.Status(r, Agency) == LegStatusCodes.Completed, "the care and support plan");
        Assert.Equal("Care and support plan CSP-IT-42 in place.", Assert.Single(completed.Legs).Outcome);
        Assert.DoesNotContain(completed.Timeline, t => t.Kind == TimelineKinds.TransitionRefused);
    }

    /// <summary>Publishes an asc.update of the type, with its own answer id, from the named worker now.</summary>
    static Task AnswerAsync(RawRabbit partner, Guid legId, string type, Dictionary<string, object> fields)
    {
        Dictionary<string, object> update = new(fields)
        {
            ["answerId"] = Guid.NewGuid(),
            ["legId"] = legId,
            ["type"] = type,
            ["worker"] = "Ruth Adeyemi",
            ["at"] = DateTimeOffset.UtcNow,
        };
        return partner.PublishAsync(Endpoints.AgencyAnswersExchange, Agency, JsonSerializer.Serialize(update), RealInfrastructure.RabbitUser);
    }
}
