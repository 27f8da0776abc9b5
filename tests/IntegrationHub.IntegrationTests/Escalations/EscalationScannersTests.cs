using IntegrationHub.Contracts.V1;
using IntegrationHub.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.IntegrationTests.Escalations;

public sealed class EscalationScannersTests(HubOnRealInfrastructure hub) : IClassFixture<HubOnRealInfrastructure>
{
    [Fact]
    public async Task Two_scanners_on_one_postgresql_raise_and_move_each_escalation_once()
    {
        using var pa = hub.PersonalAdviser();
        var referrals = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            referrals.Add(await pa.MakeReferralAsync([AgencyCodes.Housing]));
        }

        // A month on, every housing leg has missed its acknowledgement: both scanners see every breach.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(30));
        await RunTwoScannersAsync(clock, rounds: 3);

        var escalations = await hub.QueryAsync(db => db.Escalations.AsNoTracking().Where(e => referrals.Contains(e.ReferralId!.Value)).ToListAsync());
        Assert.Equal(referrals.Count, escalations.Count);
        Assert.All(escalations, e => Assert.Equal(1, e.Level));
        Assert.Equal(referrals.Count, await hub.QueryAsync(db => db.Outbox.CountAsync(m => m.MessageType == typeof(EscalationRaised).FullName)));

        // Past their due date, each goes up exactly one level however many scanners look.
        clock.Advance(TimeSpan.FromDays(10));
        await RunTwoScannersAsync(clock, rounds: 3);

        var moved = await hub.QueryAsync(db => db.Escalations.AsNoTracking().Where(e => referrals.Contains(e.ReferralId!.Value)).ToListAsync());
        Assert.All(moved, e => Assert.Equal(2, e.Level));
        Assert.Equal(referrals.Count, await hub.QueryAsync(db => db.Outbox.CountAsync(m => m.MessageType == typeof(EscalationLevelChanged).FullName)));
    }

    async Task RunTwoScannersAsync(TimeProvider clock, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            await using var first = hub.Services.CreateAsyncScope();
            await using var second = hub.Services.CreateAsyncScope();
            await Task.WhenAll(
                ActivatorUtilities.CreateInstance<EscalationRunner>(first.ServiceProvider, clock).RunAsync(CancellationToken.None),
                ActivatorUtilities.CreateInstance<EscalationRunner>(second.ServiceProvider, clock).RunAsync(CancellationToken.None));
        }
    }
}
