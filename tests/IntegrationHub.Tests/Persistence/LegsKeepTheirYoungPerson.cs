using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// The upgrade that has each leg keep its young person and their date of birth (<see cref="Leg.YoungPersonId"/>,
/// <see cref="Leg.YoungPersonBornOn"/>): checked on SQLite here and on PostgreSQL by the integration tests.
/// </summary>
public static class LegsKeepTheirYoungPerson
{
    /// <summary>The migration before the one that adds the columns.</summary>
    public const string MigrationBefore = "AuditLinkedAfterCommit";

    /// <summary>The database's one leg keeps its referral's young person and their date of birth.</summary>
    public static async Task AssertOfTheOneLegAsync(HubDbContext upgraded)
    {
        var held = await (
            from leg in upgraded.Legs.IgnoreQueryFilters()
            join referral in upgraded.Referrals.IgnoreQueryFilters() on leg.ReferralId equals referral.Id
            join person in upgraded.YoungPeople.IgnoreQueryFilters() on referral.YoungPersonId equals person.Id
            select new { leg.YoungPersonId, leg.YoungPersonBornOn, PersonId = person.Id, person.DateOfBirth })
            .SingleAsync();

        Assert.NotEqual(Guid.Empty, held.PersonId);
        Assert.Equal(held.PersonId, held.YoungPersonId);
        Assert.Equal(held.DateOfBirth, held.YoungPersonBornOn);
    }
}
