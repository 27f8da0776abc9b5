using IntegrationHub.Board;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// The columns migrations add to legs hold their values for the legs a hub's database already has when it is upgraded:
/// each test takes a database with one leg back to the migration before the columns, and upgrades it.
/// </summary>
public sealed class LegColumnsUpgradeTests
{
    [Fact]
    public async Task A_leg_held_before_the_upgrade_gets_the_uk_dates_and_hours_of_its_times()
    {
        // Made at 00:30 on 2 June in the UK (British Summer Time); acknowledged by a clock an hour behind; decided at 00:15 on 4 June.
        var made = new DateTimeOffset(2026, 6, 1, 23, 30, 0, TimeSpan.Zero);
        var acknowledged = made.AddHours(-1);
        var decided = new DateTimeOffset(2026, 6, 3, 23, 15, 0, TimeSpan.Zero);
        using var database = new SharedDatabase();
        await UpgradeOneLegAsync(database, "UpcomingBirthdaysFromIndexes", previousVersion =>
        {
            var sql = BoardSql.For(previousVersion);
            return previousVersion.Database.ExecuteSqlRawAsync(
                "UPDATE legs SET \"ReferralMadeAt\" = {0}, \"AcknowledgedAt\" = {1}, \"DecidedAt\" = {2}",
                sql.Time(made), sql.Time(acknowledged), sql.Time(decided));
        });

        await using var upgraded = database.Open();
        var leg = await upgraded.Legs.IgnoreQueryFilters()
            .Select(l => new
            {
                MadeOn = EF.Property<DateOnly>(l, Leg.ReferralMadeOnColumn),
                DecidedOn = EF.Property<DateOnly?>(l, Leg.DecidedOnColumn),
                HoursToAcknowledge = EF.Property<double?>(l, Leg.HoursToAcknowledgeColumn),
                HoursToDecide = EF.Property<double?>(l, Leg.HoursToDecideColumn),
            })
            .SingleAsync();

        Assert.Equal(new DateOnly(2026, 6, 2), leg.MadeOn);
        Assert.Equal(new DateOnly(2026, 6, 4), leg.DecidedOn);
        Assert.Equal(0.0, leg.HoursToAcknowledge);
        Assert.Equal((decided - made).TotalHours, leg.HoursToDecide);
    }

    [Fact]
    public async Task A_leg_held_before_the_upgrade_gets_its_referrals_young_person_and_their_date_of_birth()
    {
        using var database = new SharedDatabase();
        await UpgradeOneLegAsync(database, LegsKeepTheirYoungPerson.MigrationBefore, _ => Task.CompletedTask);

        await using var upgraded = database.Open();
        await LegsKeepTheirYoungPerson.AssertOfTheOneLegAsync(upgraded);
    }

    /// <summary>
    /// Has a hub make one referral to housing on the database, takes the database back to <paramref name="beforeTheColumns"/>
    /// (the migration before the one that adds the columns), changes it there by <paramref name="meanwhile"/>, and upgrades it.
    /// </summary>
    static async Task UpgradeOneLegAsync(SharedDatabase database, string beforeTheColumns, Func<HubDbContext, Task> meanwhile)
    {
        await using (var hub = new HubOnDatabase(database))
        {
            await hub.InitializeAsync();
            using var pa = hub.PersonalAdviser();
            await pa.ReferAsync([Accommodation], Housing);
        }

        await using var previousVersion = database.Open();
        var migrator = previousVersion.GetService<IMigrator>();
        await migrator.MigrateAsync(beforeTheColumns);
        await meanwhile(previousVersion);
        await migrator.MigrateAsync();
    }
}
