using IntegrationHub.Persistence;
using IntegrationHub.Testing;
using IntegrationHub.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IntegrationHub.Contracts.V1.AgencyCodes;

namespace IntegrationHub.IntegrationTests.Persistence;

/// <summary>
/// The columns a migration adds to legs are filled in on PostgreSQL, production's database, for the legs it already
/// holds. Each provider's migration fills them with SQL of its own, and <see cref="LegColumnsUpgradeTests"/> runs only SQLite's.
/// </summary>
public sealed class LegColumnsUpgradeOnPostgresTests
{
    [Fact]
    public async Task A_leg_held_before_the_upgrade_gets_its_referrals_young_person_and_their_date_of_birth()
    {
        var hub = new HubOnRealInfrastructure();
        var lifetime = (IAsyncLifetime)hub;
        await lifetime.InitializeAsync();
        try
        {
            using (var pa = hub.PersonalAdviser())
            {
                await pa.MakeReferralAsync([Housing]);
            }

            // Stopped first: none of the hub's background work reads the tables while they are taken back and upgraded.
            await hub.DisposeAsync();
            await using var database = new PostgresHubDbContext(
                new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql($"{RealInfrastructure.PostgresServer};Database={hub.Database}").Options)
                .For<PostgresHubDbContext>(new TenantScope());
            var migrator = database.GetService<IMigrator>();
            await migrator.MigrateAsync(LegsKeepTheirYoungPerson.MigrationBefore);
            await migrator.MigrateAsync();

            await LegsKeepTheirYoungPerson.AssertOfTheOneLegAsync(database);
        }
        finally
        {
            await lifetime.DisposeAsync();
        }
    }
}
