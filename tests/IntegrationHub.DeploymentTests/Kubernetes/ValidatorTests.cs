namespace IntegrationHub.DeploymentTests.Kubernetes;

/// <summary>
/// The validator catches what it claims to: each test breaks one thing in manifests that otherwise
/// pass, and expects the validator to fail naming it.
/// </summary>
public sealed class ValidatorTests
{
    /// <summary>A Deployment, its budget, and an operator's object (a Vhost) that keep every invariant.</summary>
    const string Sound = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            care-leaver-hub/deploy-step: apps
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              securityContext:
                runAsNonRoot: true
                seccompProfile:
                  type: RuntimeDefault
              topologySpreadConstraints:
                - maxSkew: 1
                  topologyKey: kubernetes.io/hostname
                  whenUnsatisfiable: DoNotSchedule
                  labelSelector:
                    matchLabels:
                      app: web
                - maxSkew: 1
                  topologyKey: topology.kubernetes.io/zone
                  whenUnsatisfiable: ScheduleAnyway
                  labelSelector:
                    matchLabels:
                      app: web
              containers:
                - name: web
                  image: registry.example.org/web:1.2.3
                  livenessProbe:
                    httpGet:
                      path: /health/live
                      port: 8080
                  readinessProbe:
                    httpGet:
                      path: /health/ready
                      port: 8080
                  resources:
                    requests:
                      cpu: 100m
                      memory: 128Mi
                    limits:
                      cpu: 500m
                      memory: 256Mi
                  securityContext:
                    readOnlyRootFilesystem: true
                    allowPrivilegeEscalation: false
                    capabilities:
                      drop:
                        - ALL
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: web
          labels:
            care-leaver-hub/deploy-step: apps
        spec:
          maxUnavailable: 1
          selector:
            matchLabels:
              app: web
        ---
        apiVersion: rabbitmq.com/v1beta1
        kind: Vhost
        metadata:
          name: hub
          labels:
            care-leaver-hub/deploy-step: engines
        spec:
          name: hub
          tracing: false
          rabbitmqClusterReference:
            name: broker
        """;

    [Fact]
    public async Task Sound_manifests_pass()
    {
        var run = await Tools.ValidateAsync(Sound, "sound");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("sound: 3 objects, 0 violations", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_without_probes_is_reported()
    {
        var broken = Without(Without(Sound, "livenessProbe:", 3), "readinessProbe:", 3);

        await AssertReportedAsync(broken, "Deployment/web: container web has no livenessProbe", "Deployment/web: container web has no readinessProbe");
    }

    [Fact]
    public async Task A_container_without_limits_or_a_read_only_root_is_reported()
    {
        var broken = Without(Without(Sound, "limits:", 2), "readOnlyRootFilesystem: true", 0);

        await AssertReportedAsync(broken, "container web has no resources.limits.cpu", "container web has a writable root filesystem");
    }

    [Fact]
    public async Task A_secret_with_data_is_reported()
    {
        var broken = Sound + """

            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: database
              labels:
                care-leaver-hub/deploy-step: engines
            data:
              password: aHVudGVyMg==
            """;

        await AssertReportedAsync(broken, "Secret/database: a Secret with data or stringData");
    }

    [Theory]
    [InlineData("registry.example.org/web:latest", "is tagged latest")]
    [InlineData("registry.example.org/web", "has no tag")]
    [InlineData("care-leaver-hub/hub:set-by-overlay", "has tag \"set-by-overlay\", which names no version")]
    public async Task An_image_that_is_not_pinned_is_reported(string image, string reason)
    {
        var broken = Sound.Replace("registry.example.org/web:1.2.3", image, StringComparison.Ordinal);

        await AssertReportedAsync(broken, $"Deployment/web: container web image {image} {reason}");
    }

    /// <summary>Against the operator's CRD schema (Vhost) and Kubernetes' own (Deployment): a wrong type, an undeclared field.</summary>
    [Theory]
    [InlineData("  tracing: false", "  tracing: sometimes", "Vhost/hub: schema: /spec/tracing must be boolean")]
    [InlineData("  tracing: false", "  tracng: false", "Vhost/hub: schema: /spec must NOT have additional properties (tracng)")]
    [InlineData("      port: 8080", "      port: [8080]", "Deployment/web: schema: /spec/template/spec/containers/0/livenessProbe/httpGet/port")]
    public async Task A_field_its_schema_does_not_allow_is_reported(string field, string brokenField, string violation)
    {
        var broken = Sound.Replace(field, brokenField, StringComparison.Ordinal);

        await AssertReportedAsync(broken, violation);
    }

    [Fact]
    public async Task A_kind_without_a_schema_is_reported()
    {
        var broken = Sound + """

            ---
            apiVersion: example.org/v1
            kind: Widget
            metadata:
              name: gadget
              labels:
                care-leaver-hub/deploy-step: apps
            """;

        await AssertReportedAsync(broken, "Widget/gadget: unknown kind Widget of example.org/v1");
    }

    [Fact]
    public async Task A_deployment_without_a_budget_or_spread_is_reported()
    {
        var broken = Without(Sound[..Sound.IndexOf("---", StringComparison.Ordinal)], "topologySpreadConstraints:", 12);

        await AssertReportedAsync(
            broken,
            "Deployment/web: no PodDisruptionBudget selects its pods",
            "Deployment/web: no topologySpreadConstraint over kubernetes.io/hostname selects its pods");
    }

    [Fact]
    public async Task An_object_outside_the_deploy_steps_is_reported()
    {
        var broken = Sound.Replace("care-leaver-hub/deploy-step: apps", "care-leaver-hub/deploy-step: migration", StringComparison.Ordinal);

        await AssertReportedAsync(broken, "Deployment/web: label care-leaver-hub/deploy-step is migration: a Deployment belongs to the step apps");
    }

    static async Task AssertReportedAsync(string manifests, params string[] violations)
    {
        var run = await Tools.ValidateAsync(manifests, "broken");

        Assert.True(run.ExitCode == 1, $"The validator passed what it must refuse:\n{run}");
        foreach (var violation in violations)
        {
            Assert.True(run.Output.Contains(violation, StringComparison.Ordinal), $"The validator did not report \"{violation}\":\n{run}");
        }
    }

    /// <summary>The manifests without the first line that reads <paramref name="line"/> (indented) and the <paramref name="following"/> lines after it.</summary>
    static string Without(string manifests, string line, int following)
    {
        var lines = manifests.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Trim() == line);
        Assert.True(at >= 0, $"No line \"{line}\" in the manifests.");
        lines.RemoveRange(at, following + 1);
        return string.Join('\n', lines);
    }
}
