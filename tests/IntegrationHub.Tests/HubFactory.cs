using IntegrationHub.Adapters.Channels.Agencies;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using IntegrationHub.Contracts.V1;
using IntegrationHub.Persistence;
using IntegrationHub.Referrals;
using IntegrationHub.Security;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests;

/// <summary>
/// The hub in process: its own throwaway SQLite file, the in-memory bus, local tokens signed
/// with a key made for this run, and stub agencies listening on every agency queue from the start.
/// One per test class (<c>IClassFixture</c>), so row counts are not disturbed by other classes.
/// An answer published for a leg of a stubbed agency comes from the leg's recipient unless the test says
/// otherwise (<see cref="AnswersFromTheRecipient"/>).
/// A derived factory may add settings (<see cref="ConfigureSettings"/>) and run an agency's adapter
/// in process instead of its stub (<see cref="StubbedAgencies"/>).
/// </summary>
public class HubFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string TenantA = "council-a";
    public const string TenantB = "council-b";

    /// <summary>An area outside the hub's tenants where some young people live, with its own housing authority.</summary>
    public const string OutOfArea = "leeds";
    public const string OutOfAreaHousing = "E08000035";
    public const string EntraTenantId = "00000000-0000-0000-0000-00000000c1a0";
    public const string Issuer = $"https://login.microsoftonline.com/{EntraTenantId}/v2.0";
    public const string Audience = "api://care-leaver-referral-hub";

    readonly string databasePath = Path.Combine(Path.GetTempPath(), $"hub-tests-{Guid.NewGuid():N}.db");
    StubAgencies? agencies;
    AnswerRecorder? answers;

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Stub agency systems: what each agency queue received.</summary>
    public StubAgencies Agencies => agencies ?? throw new InvalidOperationException("The hub has not been started.");

    /// <summary>Which agency answers the hub has handled, and which faulted.</summary>
    public AnswerRecorder Answers => answers ?? throw new InvalidOperationException("The hub has not been started.");

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>
    /// The agencies whose adapter queues the stubs listen on. A hub that runs an agency's adapter in
    /// process must leave that agency out: the stub and the adapter would compete for its legs.
    /// </summary>
    protected virtual IReadOnlyCollection<string> StubbedAgencies => AgencyCodes.All;

    /// <summary>Settings a derived factory adds to those of every test hub; it may override any of them.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
        builder.UseSetting("Bus:Transport", "InMemory");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("LocalTokens:Enabled", "true");
        builder.UseSetting("LocalTokens:SigningKey", SigningKey);
        builder.UseSetting("LocalTokens:Issuer", Issuer);
        builder.UseSetting("AzureAd:TenantId", EntraTenantId);
        builder.UseSetting("AzureAd:ClientId", Audience);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting($"AgencyDirectory:Areas:{OutOfArea}:housing:Code", OutOfAreaHousing);
        builder.UseSetting($"AgencyDirectory:Areas:{OutOfArea}:housing:Name", "Leeds City Council housing options");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:IntegrationHub", "Warning");

        // Tests poll one hub as one user far faster than a person would; RateLimitTests keeps the real limits' behaviour.
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Fhir:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");

        // Start-up returns only once the bus is running, so stubs connect to a live bus.
        builder.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        ConfigureSettings(builder);
    }

    public virtual async Task InitializeAsync()
    {
        // Starting the host migrates the database and starts the bus; the stubs listen before any referral is made.
        var bus = Bus;
        agencies = await StubAgencies.ConnectAsync(bus, StubbedAgencies);
        answers = await AnswerRecorder.ConnectAsync(bus);
        bus.ConnectPublishObserver(new AnswersFromTheRecipient(this, StubbedAgencies));
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteDatabase();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteDatabase();
    }

    void DeleteDatabase() => DeleteSqliteFile(databasePath);

    /// <summary>Deletes a SQLite database file and its journal, once no hub of this process uses it.</summary>
    public static void DeleteSqliteFile(string databasePath)
    {
        using (var connection = new SqliteConnection($"Data Source={databasePath}"))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { databasePath, $"{databasePath}-wal", $"{databasePath}-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Mints a token with the hub's own issuer, so it takes the same validation path as an Entra ID token.
    /// An agency caller acts for <paramref name="organisation"/>, by default the one the agency directory routes the local authority's legs to.
    /// </summary>
    public string Token(string userId, string role, string tenantId, string? agency = null, string? organisation = null) =>
        Token(new HubUser(
            userId, $"Test {userId}", role, tenantId, agency, null,
            organisation ?? (role == HubRoles.Agency && agency is not null ? OrganisationOf(agency, tenantId) : null)));

    /// <summary>A token carrying exactly this caller's claims.</summary>
    public string Token(HubUser user) => Services.GetRequiredService<LocalTokenIssuer>().Mint(user);

    /// <summary>The code of the organisation the agency directory routes an agency's legs to, for a young person of the local authority living in <paramref name="residenceArea"/> (or at home).</summary>
    public string OrganisationOf(string agency, string tenantId = TenantA, string? residenceArea = null) =>
        Services.GetRequiredService<IOptions<AgencyDirectoryOptions>>().Value.OrganisationFor(tenantId, residenceArea, agency).Code;

    public HttpClient CreateClient(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A Personal Adviser of a local authority.</summary>
    public HttpClient PersonalAdviser(string tenantId = TenantA, string userId = "pa-1") =>
        CreateClient(Token(userId, HubRoles.PersonalAdviser, tenantId));

    /// <summary>
    /// A worker of one agency serving a local authority, for <paramref name="organisation"/>: by default the
    /// organisation the agency directory routes the local authority's legs to.
    /// </summary>
    public HttpClient AgencyWorker(string agency, string tenantId = TenantA, string? userId = null, string? organisation = null) =>
        CreateClient(Token(AgencyWorkerUser(agency, tenantId, userId, organisation)));

    /// <summary>The caller that <see cref="AgencyWorker"/>'s token signs in, for calling the hub's services directly.</summary>
    public HubUser AgencyWorkerUser(string agency, string tenantId = TenantA, string? userId = null, string? organisation = null)
    {
        var id = userId ?? $"{agency}-worker";
        return new HubUser(id, $"Test {id}", HubRoles.Agency, tenantId, agency, null, organisation ?? OrganisationOf(agency, tenantId));
    }

    /// <summary>The Data Protection Officer of a local authority.</summary>
    public HttpClient DataProtectionOfficer(string tenantId = TenantA) =>
        CreateClient(Token($"dpo-{tenantId}", HubRoles.DataProtectionOfficer, tenantId));

    /// <summary>A young person signed in to their own record, as the <c>young_person</c> claim binds them to it.</summary>
    public HttpClient YoungPerson(Guid youngPersonId, string tenantId = TenantA) =>
        CreateClient(Services.GetRequiredService<LocalTokenIssuer>().Mint(YoungPersonUser(youngPersonId, tenantId)));

    /// <summary>The caller that <see cref="YoungPerson"/>'s token signs in.</summary>
    public static HubUser YoungPersonUser(Guid youngPersonId, string tenantId = TenantA) =>
        new($"yp-{youngPersonId:N}", "Test young person", HubRoles.YoungPerson, tenantId, Agency: null, Email: null, YoungPersonId: youngPersonId);

    /// <summary>Runs a query against the hub's own database, seeing every tenant's rows.</summary>
    public async Task<T> QueryAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SpanAllTenants("a test's look at the database");
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await query(db);
    }

    /// <summary>
    /// SQLite's one write lock, taken on a connection of the test's own and held until the returned lock is disposed
    /// (its transaction rolled back): the hub's writes wait for it meanwhile.
    /// </summary>
    public async Task<IAsyncDisposable> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
        await connection.OpenAsync();
        return new WriteLock(connection, await connection.BeginTransactionAsync());
    }

    sealed class WriteLock(SqliteConnection connection, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Calls one of the hub's scoped services (e.g. a feature service) for a caller, in a scope of its own
    /// and in the caller's local authority, as the caller's request would.
    /// </summary>
    public async Task<T> CallAsync<TService, T>(HubUser caller, Func<TService, Task<T>> call)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(caller.TenantId);
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The caller that <see cref="PersonalAdviser"/>'s token signs in, for calling the hub's services directly.</summary>
    public static HubUser PersonalAdviserUser(string tenantId = TenantA, string userId = "pa-1") =>
        new(userId, $"Test {userId}", HubRoles.PersonalAdviser, tenantId, Agency: null, Email: null);

    /// <summary>How many rows each table holds: compared before and after a refused request.</summary>
    public Task<TableCounts> CountRowsAsync() => QueryAsync(async db => new TableCounts(
        await db.YoungPeople.CountAsync(),
        await db.PlanVersions.CountAsync(),
        await db.Referrals.CountAsync(),
        await db.Legs.CountAsync(),
        await db.Timeline.CountAsync(),
        await db.Outbox.CountAsync(),
        await db.Inbox.CountAsync(),
        await db.Audit.CountAsync()));
}

public sealed record TableCounts(
    int YoungPeople, int PlanVersions, int Referrals, int Legs, int Timeline, int Outbox, int Inbox, int Audit);
