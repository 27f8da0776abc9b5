using System.Diagnostics;
using MassTransit.Logging;
using MassTransit.Monitoring;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IntegrationHub.ServiceDefaults;

/// <summary>
/// OpenTelemetry for every hub process: traces from ASP.NET Core, HttpClient, EF Core and MassTransit's own
/// activity source, so one referral is one trace from the request through the outbox, the bus, the
/// adapter and its channel and back (MassTransit carries the trace context in the messages' headers);
/// metrics of the same; and the logs, each line with its trace and span ids. Exported by OTLP, set by the
/// standard <c>OTEL_*</c> settings, only where <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetryExtensions
{
    // The standard settings (https://opentelemetry.io/docs/specs/otel/protocol/exporter/), read from the configuration's environment variables.
    const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration[ServiceNameSetting] is { Length: > 0 } name ? name : builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddSource(HubTelemetry.Name)
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (_, _) => HasParent(Activity.Current)))
            .WithMetrics(metrics => metrics
                .AddMeter(HubTelemetry.Name)
                .AddMeter(InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        // Without a collector to send to, exporting would only log a failure at every export interval.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    // Kubernetes probes every few seconds: a trace of each would bury the referrals' traces.
    static bool IsProbe(HttpContext http) => http.Request.Path.StartsWithSegments("/health");

    // A command outside any traced operation is a background loop's poll (the outbox dispatcher's, the
    // escalation scan's): a trace of its own for each would bury the referrals' traces. A command within a
    // request, a consumer or an outbox dispatch is traced with it.
    static bool HasParent(Activity? command) => command is not null && command.ParentSpanId != default;
}

/// <summary>The name of the hub's own activity source and meter, for what no library traces or measures.</summary>
public static class HubTelemetry
{
    public const string Name = "IntegrationHub";

    /// <summary>The attribute that carries the business correlation id (<see cref="CorrelationContext"/>) on a span.</summary>
    public const string CorrelationIdAttribute = "hub.correlation_id";
}
