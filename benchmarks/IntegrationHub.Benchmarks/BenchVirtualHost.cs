using System.Globalization;
using IntegrationHub.Testing;

namespace IntegrationHub.Benchmarks;

/// <summary>A RabbitMQ virtual host of the run's own, deleted after it, as the tests' fixtures make theirs.</summary>
public sealed class BenchVirtualHost : IAsyncDisposable
{
    BenchVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static async Task<BenchVirtualHost> CreateAsync(string purpose)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"bench-{purpose}-{Guid.NewGuid():N}")[..24];
        await RealInfrastructure.RabbitCtlAsync("add_vhost", name);
        await RealInfrastructure.RabbitCtlAsync("set_permissions", "-p", name, RealInfrastructure.RabbitUser, ".*", ".*", ".*");
        return new BenchVirtualHost(name);
    }

    public async ValueTask DisposeAsync() => await RealInfrastructure.RabbitCtlAsync("delete_vhost", Name);
}
