using System.Collections.Concurrent;

namespace IntegrationHub.DeploymentTests.Kubernetes;

/// <summary>Each overlay, rendered by kubectl kustomize, passes the validator: every object against its schema, every invariant.</summary>
public sealed class OverlayTests
{
    /// <summary>Each overlay is rendered and validated once for all the tests that read it.</summary>
    static readonly ConcurrentDictionary<string, Lazy<Task<(string Rendered, ToolRun Run)>>> Runs = new();

    static Task<(string Rendered, ToolRun Run)> RunAsync(string overlay) =>
        Runs.GetOrAdd(overlay, name => new Lazy<Task<(string, ToolRun)>>(async () =>
        {
            var rendered = await Tools.RenderAsync(name);
            return (rendered, await Tools.ValidateAsync(rendered, name));
        })).Value;

    public static TheoryData<string> Overlays => new(Directory.GetDirectories(Path.Combine(Tools.RepositoryRoot, "k8s", "overlays")).Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_object_of_the_overlay_is_valid_and_keeps_the_invariants(string overlay)
    {
        var (_, run) = await RunAsync(overlay);

        Assert.True(run.ExitCode == 0, $"The validator found violations in k8s/overlays/{overlay}:\n{run}");
        Assert.Matches($@"(?m)^{overlay}: [1-9]\d* objects, 0 violations$", run.Output);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_overlay_runs_the_hub_its_adapters_its_migration_and_the_engines_through_their_operators(string overlay)
    {
        var (_, run) = await RunAsync(overlay);

        string[] expected =
        [
            "Deployment/hub", "Deployment/adapters-host", "PodDisruptionBudget/hub", "PodDisruptionBudget/adapters-host",
            "Job/hub-migrate", "Service/hub", "Ingress/hub", "NetworkPolicy/default-deny",
            "Cluster/hub-db", "ScheduledBackup/hub-db-nightly", "RabbitmqCluster/hub-rabbitmq", "Vhost/care-leaver-hub",
            "User/hub", "Permission/hub", "User/adapters-host", "Permission/adapters-host",
            "ScaledObject/hub", "ScaledObject/adapters-host", "TriggerAuthentication/rabbitmq-keda",
        ];
        foreach (var id in expected)
        {
            Assert.True(run.Output.Contains($"{overlay}: ok   {id}\n", StringComparison.Ordinal), $"k8s/overlays/{overlay} has no valid {id}:\n{run}");
        }
    }

    [Fact]
    public async Task Production_runs_three_database_instances_and_three_broker_nodes()
    {
        var (rendered, _) = await RunAsync("production");

        Assert.Contains("  instances: 3\n", rendered, StringComparison.Ordinal);
        Assert.Contains("  replicas: 3\n", rendered, StringComparison.Ordinal);
    }
}
