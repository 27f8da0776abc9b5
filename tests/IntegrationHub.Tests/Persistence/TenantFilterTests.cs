using System.Net;
using System.Net.Http.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Board;
using IntegrationHub.Escalations;
using IntegrationHub.Outbox;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationHub.Contracts.V1.AgencyCodes;
using static IntegrationHub.Contracts.V1.PlanSectionCodes;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Persistence;

/// <summary>
/// Tenant scoping by the context's tenant filter: nothing tenant-owned is read or written before a
/// tenant is chosen, a tenant sees its own rows only, and seeing every tenant is asked for by name.
/// </summary>
public sealed class TenantFilterTests(HubFactory hub) : IClassFixture<HubFactory>
{
    /// <summary>The entities shared by every tenant: the outbox and inbox of the hub's messaging.</summary>
    // The calendar days are England and Wales's working days, the same for every local authority; the Data Protection
    // keys protect every tenant's pages' cookies alike.
    static readonly Type[] SharedByAllTenants = [typeof(OutboxMessage), typeof(InboxEntry), typeof(CalendarDay), typeof(DataProtectionKey)];

    static readonly Func<HubDbContext, Task>[] TenantOwnedQueries =
    [
        db => db.YoungPeople.ToListAsync(),
        db => db.PlanVersions.ToListAsync(),
        db => db.Referrals.ToListAsync(),
        db => db.Legs.ToListAsync(),
        db => db.Timeline.ToListAsync(),
        db => db.Escalations.ToListAsync(),
        db => db.LegFacts.ToListAsync(),
        db => db.Notifications.ToListAsync(),
        db => db.IdempotencyKeys.ToListAsync(),
        db => db.Audit.ToListAsync(),
        db => db.Consents.ToListAsync(),
    ];

    /// <summary>A unit of work of its own, as a request or a consumed message has.</summary>
    async Task<T> InScopeAsync<T>(Func<TenantScope, HubDbContext, Task<T>> work)
    {
        await using var scope = hub.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TenantScope>(), scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    /// <summary>EF Core wraps what the filter's parameter threw; the cause is the scope's own message.</summary>
    static void AssertNoTenantChosen(Exception thrown)
    {
        var messages = string.Join(" | ", Chain(thrown).Select(e => e.Message));
        Assert.IsType<InvalidOperationException>(thrown);
        Assert.Contains("No tenant was chosen for this unit of work", messages, StringComparison.Ordinal);

        static IEnumerable<Exception> Chain(Exception? e)
        {
            for (; e is not null; e = e.InnerException)
            {
                yield return e;
            }
        }
    }

    [Fact]
    public async Task Every_entity_is_filtered_by_tenant_or_shared_by_all_tenants_on_purpose()
    {
        var types = await InScopeAsync((_, db) => Task.FromResult(db.Model.GetEntityTypes().ToList()));

        Assert.All(types.Where(t => !SharedByAllTenants.Contains(t.ClrType)), type =>
            Assert.True(type.FindDeclaredQueryFilter(HubDbContext.TenantFilter) is not null, $"{type.DisplayName()} has no tenant filter."));
        Assert.All(types.Where(t => t.FindProperty(HubDbContext.TenantIdProperty) is not null), type =>
            Assert.DoesNotContain(type.ClrType, SharedByAllTenants));
    }

    [Fact]
    public async Task Querying_any_tenant_owned_set_before_a_tenant_is_chosen_throws()
    {
        foreach (var query in TenantOwnedQueries)
        {
            AssertNoTenantChosen(await Assert.ThrowsAnyAsync<Exception>(() => InScopeAsync(async (_, db) =>
            {
                await query(db);
                return 0;
            })));
        }
    }

    [Fact]
    public async Task Saving_a_tenant_owned_row_before_a_tenant_is_chosen_throws()
    {
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => InScopeAsync((_, db) =>
        {
            db.Audit.Add(AuditEntryOf(HubFactory.TenantA));
            return db.SaveChangesAsync();
        }));

        AssertNoTenantChosen(thrown);
    }

    [Fact]
    public async Task A_row_of_another_tenant_cannot_be_saved_by_a_tenants_unit_of_work()
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => InScopeAsync((tenants, db) =>
        {
            tenants.Enter(HubFactory.TenantA);
            db.Audit.Add(AuditEntryOf(HubFactory.TenantB));
            return db.SaveChangesAsync();
        }));

        Assert.Contains($"tenant '{HubFactory.TenantB}' cannot be saved by a unit of work for tenant '{HubFactory.TenantA}'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pooled_context_serves_the_next_unit_of_work_without_the_last_ones_tenant()
    {
        var pool = new PooledDbContextFactory<SqliteHubDbContext>(new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite("Data Source=:memory:").Options, poolSize: 1);
        var tenants = new TenantScope();
        tenants.Enter(HubFactory.TenantA);
        HubDbContext first;
        await using (var lease = pool.CreateDbContext())
        {
            first = lease.For<SqliteHubDbContext>(tenants);
        }

        await using var next = pool.CreateDbContext();
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => next.Audit.CountAsync());

        Assert.Same(first, next);
        Assert.Contains("given no unit of work's tenant scope", thrown.InnerException?.Message ?? thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_taken_from_the_pool_without_a_unit_of_works_scope_reads_and_writes_nothing()
    {
        await using var scope = hub.Services.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SqliteHubDbContext>>().CreateDbContext();

        var read = await Assert.ThrowsAnyAsync<Exception>(() => db.Audit.CountAsync());
        db.Audit.Add(AuditEntryOf(HubFactory.TenantA));
        var written = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("given no unit of work's tenant scope", read.InnerException?.Message ?? read.Message, StringComparison.Ordinal);
        Assert.Contains("given no unit of work's tenant scope", written.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_sees_its_own_young_people_plans_referrals_legs_and_timeline_only()
    {
        using var pa = hub.PersonalAdviser(HubFactory.TenantA);
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);

        Task<int[]> CountsAsync(string tenant) => InScopeAsync(async (tenants, db) =>
        {
            tenants.Enter(tenant);
            return new[]
            {
                await db.YoungPeople.CountAsync(p => p.Id == person.Id),
                await db.PlanVersions.CountAsync(v => v.YoungPersonId == person.Id),
                await db.Referrals.CountAsync(r => r.Id == referral.Id),
                await db.Legs.CountAsync(l => l.ReferralId == referral.Id),
                await db.Timeline.CountAsync(t => t.ReferralId == referral.Id) > 0 ? 1 : 0,
            };
        });

        Assert.Equal(new[] { 1, 1, 1, 1, 1 }, await CountsAsync(HubFactory.TenantA));
        Assert.Equal(new[] { 0, 0, 0, 0, 0 }, await CountsAsync(HubFactory.TenantB));
    }

    [Fact]
    public async Task A_user_of_another_local_authority_cannot_read_its_young_person_referral_or_escalation()
    {
        using var pa = hub.PersonalAdviser(HubFactory.TenantA);
        var (person, referral) = await pa.ReferAsync([Accommodation], Housing);
        using var manager = hub.CreateClient(hub.Token("tm-a", HubRoles.TeamManager, HubFactory.TenantA));
        var raised = await manager.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Housing), "No tenancy offered yet.", 1));
        await ExpectAsync(raised, HttpStatusCode.Created);
        var escalation = (await raised.Content.ReadFromJsonAsync<EscalationSummary>())!;

        using var paOfB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        using var managerOfB = hub.CreateClient(hub.Token("tm-b", HubRoles.TeamManager, HubFactory.TenantB));
        await ExpectAsync(await paOfB.GetAsync($"/api/young-people/{person.Id}"), HttpStatusCode.NotFound);
        await ExpectAsync(await paOfB.GetAsync($"/api/referrals/{referral.Id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await managerOfB.GetFromJsonAsync<List<EscalationSummary>>("/api/escalations"))!, e => e.Id == escalation.Id);
        await ExpectAsync(
            await managerOfB.PostAsJsonAsync($"/api/escalations/{escalation.Id}/resolution", new ResolveEscalation("Not ours to resolve.")), HttpStatusCode.NotFound);
        var raisedByB = await managerOfB.PostAsJsonAsync("/api/escalations", new RaiseEscalation(referral.Id, referral.LegIdOf(Housing), "Not ours to raise.", 1));
        await ExpectFieldErrorAsync(raisedByB, "referralId");

        Assert.Contains((await manager.GetFromJsonAsync<List<EscalationSummary>>("/api/escalations"))!, e => e.Id == escalation.Id);
    }

    [Fact]
    public async Task Seeing_every_tenant_is_asked_for_by_name_and_a_tenants_unit_of_work_cannot_widen_or_move()
    {
        using var paOfA = hub.PersonalAdviser(HubFactory.TenantA);
        using var paOfB = hub.PersonalAdviser(HubFactory.TenantB, "pa-b");
        var people = new[] { (await paOfA.RegisterYoungPersonAsync()).Id, (await paOfB.RegisterYoungPersonAsync()).Id };

        var seen = await InScopeAsync((tenants, db) =>
        {
            tenants.SpanAllTenants("a test of spanning");
            return db.YoungPeople.CountAsync(p => people.Contains(p.Id));
        });
        Assert.Equal(2, seen);

        await InScopeAsync((tenants, _) =>
        {
            tenants.Enter(HubFactory.TenantA);
            tenants.Enter(HubFactory.TenantA);
            Assert.Throws<InvalidOperationException>(() => tenants.SpanAllTenants("a test of widening"));
            Assert.Throws<InvalidOperationException>(() => tenants.Enter(HubFactory.TenantB));
            return Task.FromResult(0);
        });
    }

    static AuditEntry AuditEntryOf(string tenant) => new()
    {
        Id = Guid.NewGuid(),
        At = DateTimeOffset.UtcNow,
        ActorId = "test",
        ActorRole = HubRoles.PersonalAdviser,
        TenantId = tenant,
        Action = "read",
        ResourceType = "young-person",
        ResourceId = Guid.NewGuid().ToString(),
    };
}
