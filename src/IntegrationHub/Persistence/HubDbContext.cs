using System.Linq.Expressions;
using System.Text.Json;
using IntegrationHub.Auditing;
using IntegrationHub.Board;
using IntegrationHub.Board.Decisions;
using IntegrationHub.Consents;
using IntegrationHub.Escalations;
using IntegrationHub.Idempotency;
using IntegrationHub.Notifications;
using IntegrationHub.Outbox;
using IntegrationHub.PathwayPlans;
using IntegrationHub.Referrals;
using IntegrationHub.YoungPeople;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IntegrationHub.Persistence;

/// <summary>
/// The hub's one model. Each database provider has a subclass that owns its migrations
/// (<see cref="SqliteHubDbContext"/>, <see cref="PostgresHubDbContext"/>). Every tenant-owned
/// entity carries the <see cref="TenantFilter"/>, set by the unit of work's <see cref="TenantScope"/>.
/// The hub's contexts are pooled (<see cref="PersistenceExtensions.AddPersistence"/>): each serves one unit of work
/// at a time, is given that unit's scope (<see cref="For"/>) and forgets it when it goes back to the pool.
/// </summary>
public abstract class HubDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    TenantScope? tenants;

    /// <summary>The name of the query filter that keeps each unit of work to its tenant's rows.</summary>
    public const string TenantFilter = "tenant";

    /// <summary>The property that makes an entity tenant-owned: every entity that has it is filtered by it.</summary>
    public const string TenantIdProperty = "TenantId";

    public DbSet<YoungPerson> YoungPeople => Set<YoungPerson>();
    public DbSet<PathwayPlanVersion> PlanVersions => Set<PathwayPlanVersion>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Leg> Legs => Set<Leg>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<LegFact> LegFacts => Set<LegFact>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<HeldAnswer> HeldAnswers => Set<HeldAnswer>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<BoardDecision> BoardDecisions => Set<BoardDecision>();
    public DbSet<CasePaper> CasePapers => Set<CasePaper>();

    /// <summary>The pages' Data Protection key ring, shared by every replica (<see cref="Security.KeyRing"/>); no tenant's data.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<YoungPerson>(e =>
        {
            e.ToTable("young_people");
            e.HasIndex(p => new { p.TenantId, p.LocalAuthorityPersonId }).IsUnique();

            // The board's upcoming 18th birthdays: the young people born in a few months' dates, not every one, read from the index alone.
            e.HasIndex(p => new { p.TenantId, p.DateOfBirth }).IncludeProperties(p => p.Id);
            e.Property(p => p.TenantId).HasMaxLength(64);
            e.Property(p => p.LocalAuthorityPersonId).HasMaxLength(32);
            e.Ignore(p => p.Contact);
        });

        modelBuilder.Entity<PathwayPlanVersion>(e =>
        {
            e.ToTable("pathway_plan_versions");
            e.HasIndex(v => new { v.YoungPersonId, v.Number }).IsUnique();
            e.Property(v => v.Sections).HasJsonConversion();

            // Columns of their own, not JSON, so the board counts them in the database over each young person's latest version.
            e.ComplexProperty(v => v.Accommodation, a => a.Property(x => x.Code).HasMaxLength(1));
            e.ComplexProperty(v => v.Activity, a => a.Property(x => x.Code).HasMaxLength(2));
            e.Property(v => v.TrustedAdults).HasMaxLength(16);
        });

        modelBuilder.Entity<Referral>(e =>
        {
            e.ToTable("referrals");
            // A young person's referrals, and for the board's upcoming 18th birthdays when each was made, from the index alone.
            e.HasIndex(r => new { r.TenantId, r.YoungPersonId }).IncludeProperties(r => new { r.Id, r.CreatedAt });

            // The board's time windows (referrals made since a date) and its tenant checks, read from the index alone.
            e.HasIndex(r => new { r.TenantId, r.CreatedAt, r.Id });
            e.Property(r => r.Sections).HasJsonConversion();
            e.HasMany(r => r.Legs).WithOne().HasForeignKey(l => l.ReferralId);
            e.HasMany(r => r.Timeline).WithOne().HasForeignKey(t => t.ReferralId);
            e.Property(r => r.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Leg>(e =>
        {
            e.ToTable("legs");
            e.HasIndex(l => new { l.Agency, l.Status });
            e.Property(l => l.Version).IsConcurrencyToken();
            e.Property(l => l.LawfulBasis).HasJsonConversion();
            e.Property(l => l.Recipient).HasJsonConversion();
            e.Property<string>(Leg.RecipientCodeColumn).HasComputedColumnSql(RecipientCodeSql.Sql, RecipientCodeSql.Stored);
            e.HasIndex(nameof(Leg.Agency), Leg.RecipientCodeColumn);
            e.Property<string?>(Leg.RecipientServiceColumn).HasComputedColumnSql(RecipientServiceSql.Sql, RecipientServiceSql.Stored);

            e.Property(l => l.TenantId).HasMaxLength(64);
            // The open legs of young people about to turn 18: the board's coming birthdays (one tenant's) and the
            // before-18 safeguards (the escalation scan's, of every tenant), so the date leads.
            e.HasIndex(l => new { l.YoungPersonBornOn, l.TenantId }).IncludeProperties(l => new { l.Agency, l.Status });

            // What the board measures of each leg, computed by the database as it writes the leg (PostgreSQL) or reads it
            // (SQLite): the UK dates its working-day deadlines count from and to, and the hours to each answer.
            var board = BoardSql.For(this);
            e.Property<DateOnly>(Leg.ReferralMadeOnColumn).HasComputedColumnSql(board.UkDate("\"ReferralMadeAt\""), board.StoresComputedColumns);
            e.Property<DateOnly?>(Leg.DecidedOnColumn).HasComputedColumnSql(board.UkDate("\"DecidedAt\""), board.StoresComputedColumns);
            e.Property<double?>(Leg.HoursToAcknowledgeColumn).HasComputedColumnSql(board.HoursToAnswer("\"AcknowledgedAt\""), board.StoresComputedColumns);
            e.Property<double?>(Leg.HoursToDecideColumn).HasComputedColumnSql(board.HoursToAnswer("\"DecidedAt\""), board.StoresComputedColumns);

            // The board's figures, each read from an index alone and only over its tenant's window: timeliness (each
            // agency's legs of referrals made since a date, with what it measures of them), declines (legs rejected since
            // a date, by agency and reason) and the trend's decisions by month.
            e.HasIndex(l => new { l.TenantId, l.Agency, l.ReferralMadeAt })
                .IncludeProperties(nameof(Leg.Status), Leg.HoursToAcknowledgeColumn, Leg.HoursToDecideColumn, Leg.ReferralMadeOnColumn, Leg.DecidedOnColumn);
            e.HasIndex(l => new { l.TenantId, l.Status, l.UpdatedAt, l.Agency, l.ReasonCode });
            e.HasIndex(l => new { l.TenantId, l.DecidedAt });
            e.Property(l => l.SharedSections).HasJsonConversion();
        });

        modelBuilder.Entity<TimelineEntry>(e =>
        {
            e.ToTable("timeline_entries");
            e.HasIndex(t => new { t.ReferralId, t.At });
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasIndex(m => new { m.SentAt, m.CreatedAt });
            e.HasIndex(m => m.ParkedAt);
            e.Property(m => m.SequenceKey).HasMaxLength(64);
            e.HasIndex(m => new { m.SequenceKey, m.CreatedAt });
        });

        modelBuilder.Entity<InboxEntry>(e =>
        {
            e.ToTable("inbox_entries");
            e.HasKey(i => new { i.Consumer, i.MessageKey });
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasIndex(a => new { a.YoungPersonId, a.At });
            e.HasIndex(a => new { a.TenantId, a.Sequence }).IsUnique().HasFilter("\"Sequence\" > 0");

            // Finds the entries waiting to be linked into their chain (AuditChainLinker): a handful at any time.
            e.HasIndex(a => new { a.TenantId, a.At }, "IX_audit_entries_waiting_to_be_linked").HasFilter("\"Sequence\" IS NULL");

            // Finds the entries of one user action, to record a read it repeats once (AuditLog).
            e.HasIndex(a => new { a.TenantId, a.CorrelationId });
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
        });

        modelBuilder.Entity<IdempotencyKey>(e =>
        {
            e.ToTable("idempotency_keys");
            e.HasKey(r => new { r.TenantId, r.Caller, r.Method, r.Route, r.Key });
            e.Property(r => r.TenantId).HasMaxLength(64);
            e.Property(r => r.Caller).HasMaxLength(200);
            e.Property(r => r.Method).HasMaxLength(10);
            e.Property(r => r.Route).HasMaxLength(300);
            e.Property(r => r.Key).HasMaxLength(IdempotentAttribute.MaxKeyLength);
            e.Property(r => r.RequestHash).HasMaxLength(64);
            e.Property(r => r.Headers).HasJsonConversion();
            e.Property(r => r.Disclosed).HasJsonConversion();

            // Found by the retention purge.
            e.HasIndex(r => r.At);
        });

        modelBuilder.Entity<Escalation>(e =>
        {
            e.ToTable("escalations");
            e.HasIndex(x => x.TriggerKey).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.ResolvedAt, x.Level });

            // The board's trend: escalations raised since a date.
            e.HasIndex(x => new { x.TenantId, x.RaisedAt });
            e.Property(x => x.TriggerKey).HasMaxLength(120);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<LegFact>(e =>
        {
            e.ToTable("leg_facts");
            e.HasIndex(f => new { f.TenantId, f.Kind, f.Date });
            e.HasIndex(f => f.LegId);
        });

        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasIndex(n => new { n.TenantId, n.UserId, n.ReadAt });
            e.HasIndex(n => new { n.TenantId, n.Role, n.ReadAt });
            e.HasIndex(n => n.EmailedAt);
        });

        modelBuilder.Entity<Consent>(e =>
        {
            e.ToTable("consents");
            e.HasIndex(c => new { c.TenantId, c.YoungPersonId, c.Agency, c.RecordedAt });
            e.Property(c => c.TenantId).HasMaxLength(64);
            e.Property(c => c.Agency).HasMaxLength(64);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Ignore(c => c.IsWithdrawn);
        });

        modelBuilder.Entity<HeldAnswer>(e =>
        {
            e.ToTable("held_answers");
            e.HasKey(h => h.AnswerId);
            e.HasIndex(h => new { h.LegId, h.AnsweredAt });
            e.Property(h => h.MessageType).HasMaxLength(200);
        });

        modelBuilder.Entity<CalendarDay>(e =>
        {
            e.ToTable("calendar_days");
            e.HasKey(d => d.Date);
        });

        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        BoardDecisionsModel.Configure(modelBuilder);
        FilterByTenant(modelBuilder);

        // The hub chooses every id itself, so an entity added through a navigation is always new.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    /// <summary>How the provider's SQL takes the code out of a leg's <c>Recipient</c> JSON, and whether it stores the result.</summary>
    protected abstract (string Sql, bool Stored) RecipientCodeSql { get; }

    /// <summary>How the provider's SQL takes the service out of a leg's <c>Recipient</c> JSON, and whether it stores the result.</summary>
    protected abstract (string Sql, bool Stored) RecipientServiceSql { get; }

    /// <summary>
    /// Read by the tenant filter each time a query runs (EF Core takes a context's own members as
    /// parameters): throws when the unit of work chose no tenant, so a query never sees all tenants by accident.
    /// </summary>
    string? FilteredTenant => Tenants.FilterValue;

    TenantScope Tenants => tenants ?? throw new InvalidOperationException(
        "This context was given no unit of work's tenant scope (HubDbContext.For), so it cannot tell whose rows it may read or write.");

    /// <summary>Gives the context the tenant scope of the unit of work it serves until it is disposed.</summary>
    public TContext For<TContext>(TenantScope scope)
        where TContext : HubDbContext
    {
        tenants = scope;
        return (TContext)this;
    }

    // A pooled context goes back to the pool when disposed: the next unit of work must not inherit this one's tenant.
    public override void Dispose()
    {
        tenants = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        tenants = null;
        return base.DisposeAsync();
    }

    /// <summary>
    /// Every entity with a tenant id keeps to the scope's tenant (all of them when the scope spans
    /// all). A leg carries its referral's tenant id (<see cref="Leg.TenantId"/>), so it is filtered as its
    /// referral is; a timeline entry is filtered through its referral: EF Core applies the referral's filter inside.
    /// </summary>
    void FilterByTenant(ModelBuilder modelBuilder)
    {
        var tenant = ((Expression<Func<string?>>)(() => FilteredTenant)).Body;
        foreach (var type in modelBuilder.Model.GetEntityTypes().Where(t => t.FindProperty(TenantIdProperty) is not null).ToList())
        {
            var row = Expression.Parameter(type.ClrType, "row");
            var filter = Expression.OrElse(
                Expression.Equal(tenant, Expression.Constant(null, typeof(string))),
                Expression.Equal(Expression.Property(row, TenantIdProperty), tenant));
            modelBuilder.Entity(type.ClrType).HasQueryFilter(TenantFilter, Expression.Lambda(filter, row));
        }

        modelBuilder.Entity<TimelineEntry>().HasQueryFilter(TenantFilter, t => Referrals.Any(r => r.Id == t.ReferralId));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            PrepareSave(detecting);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            PrepareSave(detecting);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// Detects the unit of work's changes once for the tenant check and the save, then turns the save's own detection
    /// off (the caller turns it back on, as it was): detecting compares every tracked entity with its snapshot, and
    /// reading the entries for the check and then saving did that twice.
    /// </summary>
    void PrepareSave(bool detecting)
    {
        if (detecting)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        CheckTenantOfNewRows();
    }

    /// <summary>A row added under one tenant's scope cannot be saved for another tenant by mistake.</summary>
    void CheckTenantOfNewRows()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            if (entry.Metadata.FindProperty(TenantIdProperty) is { } tenantId)
            {
                Tenants.CheckNewRow(entry.Metadata.DisplayName(), (string?)entry.CurrentValues[tenantId]);
            }
        }
    }
}

static class JsonColumnExtensions
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a value object or list as one JSON text column, compared by its JSON.</summary>
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<T>(v, Json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!));
}
