using IntegrationHub.Adapters.Channels;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Referrals;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.Tests.Referrals;

/// <summary>
/// An answer on the hub's bus carries the organisation a trusted process says it came from: the hub
/// records it only on a leg addressed to that organisation, and otherwise faults it, changing nothing.
/// </summary>
public class BusAnswerOrganisationTests(OrganisationsHub hub) : IClassFixture<OrganisationsHub>
{
    async Task<(Guid LegId, int Timeline, int Inbox)> LeedsNhsLegAsync()
    {
        var legs = await hub.ReferAtHomeAndInLeedsAsync();
        var legId = legs.LeedsLeg(Nhs);
        await Eventually.WaitAsync(() => hub.Agencies.RequestedAt(Nhs), r => r.Any(l => l.LegId == legId), "the Leeds ICB's leg to be delivered");
        return (legId, await hub.QueryAsync(db => db.Timeline.CountAsync(t => t.LegId == legId)), await hub.QueryAsync(db => db.Inbox.CountAsync()));
    }

    async Task<AnswerFault> FaultOfAsync(ILegAnswer answer)
    {
        var faults = await Eventually.WaitAsync(() => hub.Answers.Faults, f => f.Any(x => x.AnswerId == answer.AnswerId), "the answer's fault");
        return Assert.Single(faults, f => f.AnswerId == answer.AnswerId);
    }

    async Task AssertUnchangedAsync((Guid LegId, int Timeline, int Inbox) before)
    {
        Assert.Equal(LegStatusCodes.Requested, await hub.QueryAsync(db => db.Legs.Where(l => l.Id == before.LegId).Select(l => l.Status).SingleAsync()));
        Assert.Equal(before.Timeline, await hub.QueryAsync(db => db.Timeline.CountAsync(t => t.LegId == before.LegId)));
        Assert.Equal(before.Inbox, await hub.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task Answer_from_an_organisation_the_leg_is_not_addressed_to_faults_and_changes_nothing()
    {
        var leg = await LeedsNhsLegAsync();
        var answer = new LegAccepted(Guid.NewGuid(), leg.LegId, Nhs, "Trust clinician", DateTimeOffset.UtcNow, null);

        await hub.Bus.PublishAsync(answer, OrganisationsHub.HomeTrust, default);

        var fault = await FaultOfAsync(answer);
        Assert.Equal(typeof(AnswerFromWrongOrganisationException).FullName, fault.ExceptionType);
        Assert.Equal($"The answer for leg {leg.LegId} came from organisation '{OrganisationsHub.HomeTrust}', but the leg is addressed to '{OrganisationsHub.LeedsIcb}'.", fault.Message);
        await AssertUnchangedAsync(leg);
    }

    [Fact]
    public async Task Answer_that_does_not_say_which_organisation_sent_it_faults_and_changes_nothing()
    {
        var leg = await LeedsNhsLegAsync();
        var answer = new LegAccepted(Guid.NewGuid(), leg.LegId, Nhs, "Someone", DateTimeOffset.UtcNow, null);

        await hub.Bus.Publish(answer, context => context.Headers.Set(AnsweringOrganisation.Header, ""));

        var fault = await FaultOfAsync(answer);
        Assert.Equal(typeof(AnswerFromWrongOrganisationException).FullName, fault.ExceptionType);
        Assert.Contains("does not say which organisation sent it", fault.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(leg);
    }

    [Fact]
    public async Task Answer_from_the_organisation_the_leg_is_addressed_to_applies()
    {
        var leg = await LeedsNhsLegAsync();
        var answer = new LegAccepted(Guid.NewGuid(), leg.LegId, Nhs, "ICB clinician", DateTimeOffset.UtcNow, null);

        await hub.Bus.PublishAsync(answer, OrganisationsHub.LeedsIcb, default);

        await Eventually.WaitAsync(
            () => hub.QueryAsync(db => db.Legs.Where(l => l.Id == leg.LegId).Select(l => l.Status).SingleAsync()),
            status => status == LegStatusCodes.Accepted,
            "the Leeds ICB's acceptance");
        Assert.DoesNotContain(hub.Answers.Faults, f => f.AnswerId == answer.AnswerId);
    }
}
