using IntegrationHub.Escalations;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Tests.Escalations;

/// <summary>
/// The hub on a clock the test moves: from Friday 18 December 2026, 10:00 in London, across the
/// Christmas bank holidays. Tokens are still minted on the real clock, which the token
/// validation uses.
/// </summary>
public sealed class ClockedHubFactory : HubFactory
{
    public static readonly DateTimeOffset Start = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);

    readonly IReadOnlyDictionary<string, string> settings;

    public ClockedHubFactory()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Settings a test needs besides the clock, e.g. its own agency directory.</param>
    public ClockedHubFactory(IReadOnlyDictionary<string, string> settings)
    {
        this.settings = settings;
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Escalations:LevelTwoAfter", "2");
        builder.UseSetting("Escalations:LevelThreeAfter", "9");
        builder.UseSetting("Escalations:ScanInterval", "01:00:00");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(sp => new LocalTokenIssuer(
                sp.GetRequiredService<IOptions<LocalTokenOptions>>(), sp.GetRequiredService<IConfiguration>(), TimeProvider.System));
        });
    }

    /// <summary>Moves the clock to a moment and runs one pass of the ladder, as the scanner would.</summary>
    public async Task<EscalationPass> ScanAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EscalationRunner>().RunAsync(CancellationToken.None);
    }
}
