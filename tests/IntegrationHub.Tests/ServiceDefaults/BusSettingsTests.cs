using IntegrationHub.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Tests.ServiceDefaults;

public sealed class BusSettingsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task A_process_with_a_prefetch_count_out_of_range_does_not_start_and_names_the_setting(string prefetch)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:RabbitMq:PrefetchCount"] = prefetch });
        builder.AddMessaging(_ => { });
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Bus:RabbitMq:PrefetchCount must be from 1 to 1000.", refused.Message, StringComparison.Ordinal);
    }
}
