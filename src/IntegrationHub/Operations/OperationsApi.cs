using System.Security.Claims;
using IntegrationHub.Outcomes;
using IntegrationHub.Messaging;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenTelemetry.Metrics;

namespace IntegrationHub.Operations;

public static class OperationsApi
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddScoped<ParkedMessages>();
        builder.Services.AddScoped<LegResends>();

        // Only RabbitMQ keeps error queues; the in-memory bus has none to watch.
        if (builder.Configuration[$"{BusOptions.Section}:{nameof(BusOptions.Transport)}"] == "RabbitMq")
        {
            builder.Services.AddOptions<ErrorQueueHealthOptions>()
                .Bind(builder.Configuration.GetSection(ErrorQueueHealthOptions.Section))
                .ValidateDataAnnotations()
                .ValidateOnStart();
            builder.Services.AddHealthChecks().AddCheck<ErrorQueueHealthCheck>(ErrorQueueHealthCheck.Name, tags: ["ready"]);
            builder.Services.AddSingleton<ErrorQueueMetrics>();
            builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInstrumentation(sp => sp.GetRequiredService<ErrorQueueMetrics>()));
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/operations/error-queues")
            .WithTags("Operations")
            .RequireAuthorization(HubPolicies.Operator);

        api.MapGet("/{queue}", PeekAsync).WithName("PeekErrorQueue");
        api.MapPost("/{queue}/replay", ReplayAsync).WithName("ReplayErrorQueue");

        var outbox = app.MapGroup("/api/operations/outbox/parked")
            .WithTags("Operations")
            .RequireAuthorization(HubPolicies.Operator);
        outbox.MapGet("/", async (ParkedMessages parked, CancellationToken cancellationToken) => TypedResults.Ok(await parked.ListAsync(cancellationToken)))
            .WithName("ListParkedOutboxMessages");
        outbox.MapPost("/{messageId:guid}/replay", ReplayParkedAsync).WithName("ReplayParkedOutboxMessage");

        app.MapGroup("/api/operations/legs")
            .WithTags("Operations")
            .RequireAuthorization(HubPolicies.Operator)
            .MapPost("/{legId:guid}/resend", ResendLegAsync)
            .WithName("ResendFailedLeg");
        return app;
    }

    public sealed record Replayed(string Queue, int Count);

    static async Task<Results<Ok<IReadOnlyList<DeadLetter>>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> PeekAsync(
        string queue, ErrorQueues errors, CancellationToken cancellationToken, int max = 50)
    {
        if (Refusal(queue, errors) is { } problem)
        {
            return problem.Status == StatusCodes.Status404NotFound ? TypedResults.NotFound(problem) : TypedResults.Conflict(problem);
        }

        return TypedResults.Ok(await errors.PeekAsync(queue, Math.Clamp(max, 1, 500), cancellationToken));
    }

    static async Task<Results<Ok<Replayed>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> ReplayAsync(
        string queue, ErrorQueues errors, CancellationToken cancellationToken, int max = 100)
    {
        if (Refusal(queue, errors) is { } problem)
        {
            return problem.Status == StatusCodes.Status404NotFound ? TypedResults.NotFound(problem) : TypedResults.Conflict(problem);
        }

        return TypedResults.Ok(new Replayed(queue, await errors.ReplayAsync(queue, Math.Clamp(max, 1, 10_000), cancellationToken)));
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>>> ReplayParkedAsync(Guid messageId, ParkedMessages parked, CancellationToken cancellationToken) =>
        await parked.ReplayAsync(messageId, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such parked message",
                Detail = $"No outbox message {messageId} is parked: it was sent, replayed already, or never parked.",
            });

    static async Task<Results<Ok<ResentLeg>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> ResendLegAsync(
        Guid legId, LegResends resends, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        (await resends.ResendAsync(legId, HubUser.From(principal), cancellationToken)).ToResults(TypedResults.Ok);

    static ProblemDetails? Refusal(string queue, ErrorQueues errors) =>
        !ErrorQueues.Queues.Contains(queue)
            ? new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Unknown queue",
                Detail = $"'{queue}' is not one of the hub's queues: {string.Join(", ", ErrorQueues.Queues)}.",
            }
            : !errors.IsAvailable
                ? new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "No error queues on this transport",
                    Detail = "The in-memory bus keeps no error queue beyond the process; replay needs Bus:Transport=RabbitMq.",
                }
                : null;
}
