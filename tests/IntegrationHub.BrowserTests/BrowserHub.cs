using IntegrationHub.Adapters.Channels.Agencies;
using System.Net.Http.Headers;
using System.Net.Http.Json;
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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.BrowserTests;

/// <summary>
/// The hub as people use it: Kestrel on a free loopback port, the embedded default (SQLite, the
/// in-memory bus), all five adapters on the partner-inbox channel, local sign-in; and Debian's
/// Chromium, headless, driven by Playwright. One per test class (<c>IClassFixture</c>).
/// </summary>
public sealed class BrowserHub : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Tenant = "browser-council";
    public const string TenantName = "Browser Test Council";
    public const string OtherTenant = "other-council";
    public const string EntraTenantId = "00000000-0000-0000-0000-00000000c1a0";

    readonly string databasePath = Path.Combine(Path.GetTempPath(), $"hub-browser-{Guid.NewGuid():N}.db");
    readonly string signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    IPlaywright? playwright;
    IBrowser? browser;

    public BrowserHub() => UseKestrel(0);

    /// <summary>The hub's address, as the browser reaches it.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not been started.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
        builder.UseSetting("Bus:Transport", "InMemory");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("LocalTokens:Enabled", "true");
        builder.UseSetting("LocalTokens:SigningKey", signingKey);
        builder.UseSetting("LocalTokens:Issuer", $"https://login.microsoftonline.com/{EntraTenantId}/v2.0");
        builder.UseSetting("AzureAd:TenantId", EntraTenantId);
        builder.UseSetting("AzureAd:ClientId", "api://care-leaver-referral-hub");
        builder.UseSetting($"Tenants:LocalAuthorities:{Tenant}:Name", TenantName);
        builder.UseSetting($"Tenants:LocalAuthorities:{OtherTenant}:Name", "Other Council");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");

        // The pages are tested on escalations the tests raise themselves (the ladder's own are IntegrationHub.Tests'):
        // a scan in the middle of a test would add one of its own to the counts the test asserts.
        builder.UseSetting("Escalations:ScanInterval", "01:00:00");
        for (var i = 0; i < AgencyCodes.All.Count; i++)
        {
            builder.UseSetting($"Adapters:Agencies:{i}", AgencyCodes.All[i]);
        }

        builder.UseSetting("Adapters:DefaultChannel", "PartnerInbox");

        // Every test signs in from the one loopback address, many times a minute.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "1000000");
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }

    public async Task InitializeAsync()
    {
        // The same patience for Playwright's expectations as for its actions (see NewPageAsync).
        SetDefaultExpectTimeout(60_000);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // Chromium's own calls home are refused on a closed network; these keep it to the page under test.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) on a page of the hub.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-GB" });
        // dotnet test runs the other test assemblies beside these on a two-core machine: a page can take
        // longer there than Playwright's 30 s default, which would fail a test that is otherwise right.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in on the local sign-in page as the local user of that name, as a person would.</summary>
    public static async Task SignInAsync(IPage page, string name)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel(name, new PageGetByLabelOptions { Exact = true }).First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/sign-in"));
    }

    /// <summary>An API client with a bearer token of the hub's own issuer, to arrange what a test needs.</summary>
    public HttpClient ApiClient(HubUser user)
    {
        var token = Services.GetRequiredService<LocalTokenIssuer>().Mint(user);
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// An API client for a worker of one agency, acting for <paramref name="organisation"/>: by default the organisation
    /// the agency directory routes the local authority's legs to.
    /// </summary>
    public HttpClient AgencyWorker(string agency, string tenant = Tenant, string? organisation = null) =>
        ApiClient(new HubUser(
            $"{agency}-worker", $"Test {agency} worker", HubRoles.Agency, tenant, agency, null,
            organisation ?? Services.GetRequiredService<IOptions<AgencyDirectoryOptions>>().Value.OrganisationFor(tenant, residenceArea: null, agency).Code));

    /// <summary>Registers a young person with a one-version pathway plan through the API.</summary>
    public Task<Guid> RegisterYoungPersonAsync(string givenName, string familyName, DateOnly born, params string[] sections) =>
        RegisterAsync(givenName, familyName, born, "JK654321B", sections);

    /// <summary>The young person's consent to share with each agency, given a week ago and recorded by their Personal Adviser, as the young person's page records it.</summary>
    public async Task RecordConsentsAsync(Guid youngPersonId, params string[] agencies)
    {
        using var api = ApiClient(LocalUsers.PersonalAdviser(Tenant));
        var givenOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);
        foreach (var agency in agencies)
        {
            var recorded = await api.PostAsJsonAsync($"/api/young-people/{youngPersonId}/consents", new { agency, givenOn, evidence = "Signed consent form on the case file", reviewOn = givenOn.AddMonths(6) });
            recorded.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Registers, as <see cref="RegisterYoungPersonAsync"/> does, a young person the Jobcentre cannot be sent.</summary>
    public Task<Guid> RegisterYoungPersonWithoutNationalInsuranceNumberAsync(string givenName, string familyName, DateOnly born, params string[] sections) =>
        RegisterAsync(givenName, familyName, born, nationalInsuranceNumber: null, sections);

    async Task<Guid> RegisterAsync(string givenName, string familyName, DateOnly born, string? nationalInsuranceNumber, string[] sections)
    {
        using var api = ApiClient(LocalUsers.PersonalAdviser(Tenant));
        var created = await api.PostAsJsonAsync("/api/young-people", new
        {
            givenName,
            familyName,
            dateOfBirth = born,
            localAuthorityPersonId = $"LA-{RandomNumberGenerator.GetInt32(100000, 999999)}",
            nhsNumber = "9434765919",
            nationalInsuranceNumber,
            email = $"{givenName.ToLowerInvariant()}@example.org",
            phone = "07700 900123",
            addressLine = "1 Example Street",
            postcode = "EX1 1AA",
        });
        created.EnsureSuccessStatusCode();
        var person = await created.Content.ReadFromJsonAsync<IdOnly>() ?? throw new InvalidOperationException("No young person came back.");
        var plan = await api.PostAsJsonAsync($"/api/young-people/{person.Id}/pathway-plan/versions", new
        {
            sections = sections.Select(code => new { code, needs = new[] { $"Needs help with {code}" }, actions = new[] { $"Refer for {code}" }, owner = "Sam Patel", reviewDate = born.AddYears(18) }),
        });
        plan.EnsureSuccessStatusCode();
        return person.Id;
    }

    /// <summary>Runs a query against the hub's own database, seeing every tenant's rows.</summary>
    public async Task<T> QueryAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SpanAllTenants("a test's look at the database");
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    static string ChromiumPath() =>
        Environment.GetEnvironmentVariable("HUB_TEST_CHROMIUM") is { Length: > 0 } path && File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                "HUB_TEST_CHROMIUM must name Debian's Chromium (/usr/bin/chromium): run the tests with scripts/test.sh, which installs it.");

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await DisposeAsync();
        using (var connection = new SqliteConnection($"Data Source={databasePath}"))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { databasePath, $"{databasePath}-wal", $"{databasePath}-shm" })
        {
            File.Delete(file);
        }
    }

    sealed record IdOnly(Guid Id);
}
