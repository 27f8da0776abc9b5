using IntegrationHub.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IntegrationHub.Persistence;

public static class PersistenceExtensions
{
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddScoped<TenantScope>();
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == "Postgres")
        {
            var connectionString = PostgresConnection.Tuned(options.ConnectionString);
            builder.Services.AddPooledHubDbContext<PostgresHubDbContext>((sp, o) => Configure(sp, o.UseNpgsql(connectionString)));
        }
        else
        {
            builder.Services.AddPooledHubDbContext<SqliteHubDbContext>((sp, o) => Configure(sp, o.UseSqlite(options.ConnectionString)));
        }

        // Registered before the bus so the schema is current before anything consumes or dispatches.
        if (options.MigrateOnStart)
        {
            builder.Services.AddHostedService<DatabaseMigrator>();
        }
        else
        {
            builder.Services.AddHostedService<MigratedDatabaseGuard>();
        }

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<HubDbContext>("database", tags: ["ready"])
            .AddCheck<SchemaHealthCheck>(SchemaHealthCheck.Name, tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Each unit of work's <see cref="HubDbContext"/> is taken from a pool and given the unit's <see cref="TenantScope"/>.
    /// Building a context's options and its EF Core services anew for every request and message cost the hub about a
    /// sixth of what it allocated under load; a pooled context is reset, not rebuilt, and its options are built once.
    /// </summary>
    static void AddPooledHubDbContext<TContext>(this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : HubDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext().For<TContext>(sp.GetRequiredService<TenantScope>()));
    }

    /// <summary>The features' interceptors (registered as <see cref="IInterceptor"/>), and failures kept quiet.</summary>
    static DbContextOptionsBuilder Configure(IServiceProvider services, DbContextOptionsBuilder options) =>
        QuietFailures(options.AddInterceptors(services.GetServices<IInterceptor>()));

    /// <summary>
    /// A failed command, query or save is not logged by EF Core as an error of its own: its exception reaches the
    /// caller, which reports it (a 500, a consumer's fault) or, for a database out of reach, speaks of the outage
    /// once in a while (<see cref="ServiceDefaults.DependencyOutages"/>) instead of once per command.
    /// </summary>
    static DbContextOptionsBuilder QuietFailures(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>
    /// Each request works for the signed-in caller's local authority. After authorisation, so the
    /// caller is the one the endpoint's policy authenticated; a caller without a local authority (an
    /// operator, an anonymous request) enters none, and any tenant-owned query they made would throw.
    /// </summary>
    public static IApplicationBuilder UseCallersTenant(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true && HubUser.From(http.User).TenantId is { Length: > 0 } tenant)
            {
                http.RequestServices.GetRequiredService<TenantScope>().Enter(tenant);
            }

            await next(http);
        });
}

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without the host; migrations read no tenant's rows.</summary>
sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHubDbContext>
{
    public SqliteHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite("Data Source=design.db").Options);
}

sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHubDbContext>
{
    public PostgresHubDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHubDbContext>().UseNpgsql("Host=localhost").Options);
}
