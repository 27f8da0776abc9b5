using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using IntegrationHub.Security;
using IntegrationHub.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace IntegrationHub.FaultTests;

/// <summary>
/// The hub as a process of its own, run from the build's output with its settings in environment variables, the same
/// settings the integration tests' <c>HubOnRealInfrastructure</c> gives the hub in the tests' process, so that a test
/// can kill it as the operating system would (SIGKILL) and start it again on the same database, virtual host and port.
/// The benchmarks compile it in too, to measure the hub as it runs in production: a process of its own.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    const string ClientId = "api://care-leaver-referral-hub";
    const string IssuerTenant = "00000000-0000-0000-0000-00000000c1a0";
    static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);

    readonly string runId = $"hub_fault_{Guid.NewGuid():N}"[..20];
    readonly string signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    readonly IReadOnlyDictionary<string, string> settings;
    readonly ConcurrentQueue<string> log = new();
    readonly int port = FreePort();
    Process? process;

    HubProcess(IReadOnlyDictionary<string, string> settings) => this.settings = settings;

    public string VirtualHost => runId;

    public string Database => runId;

    /// <summary>The hub's operating-system process, e.g. to read its memory in <c>/proc</c>.</summary>
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The hub's process is not running.");

    public static async Task<HubProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var hub = new HubProcess(settings);
        await RealInfrastructure.RabbitCtlAsync("add_vhost", hub.VirtualHost);
        await RealInfrastructure.RabbitCtlAsync("set_permissions", "-p", hub.VirtualHost, RealInfrastructure.RabbitUser, ".*", ".*", ".*");
        await hub.StartAsync();
        return hub;
    }

    /// <summary>Starts the hub and returns once it reports itself ready.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(HubAssembly)! };
        start.ArgumentList.Add(HubAssembly);
        foreach (var (key, value) in Environment())
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("The hub's process did not start.");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = Client();
        await Eventually.WaitAsync(() => ReadyAsync(client), ready => ready, "the hub's process to report itself ready", StartPatience);
    }

    /// <summary>Kills the hub at once, as <c>kill -9</c> would: nothing in it gets to finish or clean up.</summary>
    public async Task KillAsync()
    {
        process!.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public HttpClient PersonalAdviser() => ClientAs("pa-fault", "Pat Adviser", HubRoles.PersonalAdviser);

    /// <summary>A member of the Corporate Parenting Board of the same local authority, who reads the board's figures.</summary>
    public HttpClient BoardMember() => ClientAs("board-fault", "Bo Member", HubRoles.BoardMember);

    HttpClient ClientAs(string userId, string name, string role)
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens().Mint(userId, name, role, RealInfrastructure.TenantId));
        return client;
    }

    HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    LocalTokenIssuer Tokens() => new(
        Options.Create(new LocalTokenOptions { Enabled = true, SigningKey = signingKey }),
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureAd:ClientId"] = ClientId, ["AzureAd:TenantId"] = IssuerTenant }).Build(),
        TimeProvider.System);

    async Task<bool> ReadyAsync(HttpClient client)
    {
        if (process!.HasExited)
        {
            throw new InvalidOperationException($"The hub's process exited ({process.ExitCode}) before it was ready:\n{string.Join('\n', log)}");
        }

        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
    }

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 200)
        {
            log.TryDequeue(out _);
        }
    }

    IEnumerable<(string, string)> Environment()
    {
        yield return ("ASPNETCORE_ENVIRONMENT", "Testing");
        yield return ("ASPNETCORE_URLS", $"http://127.0.0.1:{port}");
        yield return ("Database__Provider", "Postgres");
        yield return ("Database__ConnectionString", $"{RealInfrastructure.PostgresServer};Database={Database}");
        yield return ("Bus__Transport", "RabbitMq");
        yield return ("Bus__RabbitMq__Host", RealInfrastructure.RabbitHost);
        yield return ("Bus__RabbitMq__Port", RealInfrastructure.RabbitPort.ToString(CultureInfo.InvariantCulture));
        yield return ("Bus__RabbitMq__VirtualHost", VirtualHost);
        yield return ("Bus__RabbitMq__Username", RealInfrastructure.RabbitUser);
        yield return ("Bus__RabbitMq__Password", RealInfrastructure.RabbitPassword);
        yield return ("LocalTokens__Enabled", "true");
        yield return ("LocalTokens__SigningKey", signingKey);
        yield return ("AzureAd__TenantId", IssuerTenant);
        yield return ("AzureAd__ClientId", ClientId);
        yield return ("Outbox__PollInterval", "00:00:00.200");
        yield return ("Outbox__SendTimeout", "00:00:05");
        yield return ("RateLimits__Api__PermitLimit", "1000000");
        yield return ("RateLimits__Fhir__PermitLimit", "1000000");
        foreach (var (key, value) in settings)
        {
            yield return (key.Replace(":", "__", StringComparison.Ordinal), value);
        }
    }

    /// <summary>The hub as this test run's build made it: same configuration as the tests, beside them in the tree.</summary>
    static string HubAssembly
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
            var root = testOutput;
            while (!File.Exists(Path.Combine(root.FullName, "IntegrationHub.sln")))
            {
                root = root.Parent ?? throw new InvalidOperationException($"No IntegrationHub.sln above {AppContext.BaseDirectory}.");
            }

            var hub = Path.Combine(root.FullName, "src", "IntegrationHub", "bin", configuration, framework, "IntegrationHub.dll");
            return File.Exists(hub) ? hub : throw new InvalidOperationException($"The hub is not built at {hub}.");
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await KillAsync();
        }

        await RealInfrastructure.DropDatabaseAsync(Database);
        await RealInfrastructure.RabbitCtlAsync("delete_vhost", VirtualHost);
    }
}
