using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Problem details, correlation ids, structured logs, telemetry and health checks for every hub process.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CorrelationContext>();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (c.HttpContext.RequestServices.GetService<CorrelationContext>()?.Id is { } id)
            {
                c.ProblemDetails.Extensions["correlationId"] = id;
            }
        });
        builder.Services.AddExceptionHandler<MalformedJsonHandler>();
        builder.Services.AddExceptionHandler<DependencyUnavailableHandler>();
        builder.Services.AddSingleton<DependencyOutages>();

        // MassTransit warns of each message it retries (R-RETRY) and of each attempt to reconnect to a broker that is away; an
        // outage is spoken of by DependencyOutages instead, once in a while, and readiness reports the bus. A message that fails
        // for good (R-FAULT) and a bus that faults are still errors in the log.
        builder.Logging.AddFilter("MassTransit", LogLevel.Error);

        // Outside Development minimal APIs answer an unreadable body with a bare 400 themselves;
        // throwing lets MalformedJsonHandler name the field in every environment.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new TextOnlyStringConverter()));
        builder.Services.AddHealthChecks();
        builder.AddTelemetry();

        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = WriteReadinessAsync,

            // Degraded (a backlog building, dead letters waiting) keeps the pod in the load balancer: it still
            // serves and stores work safely. Only Unhealthy takes it out.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return app;
    }

    public sealed record Readiness(string Status, IReadOnlyList<ReadinessCheck> Checks);

    public sealed record ReadinessCheck(string Name, string Status, string? Description);

    // Names each check, so an operator sees whether the database or the broker is the one missing.
    static Task WriteReadinessAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new Readiness(
            report.Status.ToString(),
            [.. report.Entries.Select(e => new ReadinessCheck(e.Key, e.Value.Status.ToString(), e.Value.Description))]));
}
