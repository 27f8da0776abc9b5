using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.Security;

/// <summary>The hub at the log levels it ships with (appsettings.json), not the quieter ones every other test hub sets.</summary>
public sealed class TokenValidationLogTests(TokenValidationLogTests.HubAtItsOwnLogLevels hub) : IClassFixture<TokenValidationLogTests.HubAtItsOwnLogLevels>
{
    [Fact]
    public async Task Requests_with_a_valid_token_write_no_line_about_validating_it()
    {
        using var pa = hub.PersonalAdviser();
        var person = await pa.RegisterYoungPersonAsync();
        for (var i = 0; i < 3; i++)
        {
            await ExpectAsync(await pa.GetAsync($"/api/young-people/{person.Id}"), HttpStatusCode.OK);
        }

        var lines = hub.Logs.ToList();
        Assert.DoesNotContain(lines, l => l.Contains("IdentityModel", StringComparison.Ordinal));
    }

    public sealed class HubAtItsOwnLogLevels : HubFactory
    {
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:IntegrationHub", "Information");
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        }
    }
}
