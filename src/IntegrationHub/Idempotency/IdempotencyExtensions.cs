namespace IntegrationHub.Idempotency;

public static class IdempotencyExtensions
{
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>()
            .Bind(builder.Configuration.GetSection(IdempotencyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<IdempotencyStore>();
        builder.Services.ConfigureSwaggerGen(o => o.OperationFilter<IdempotencyKeyDocumentation>());
        return builder;
    }

    /// <summary>After the caller's tenant is entered: a key is the caller's own, and is kept in the caller's local authority.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();

    /// <summary>
    /// A POST that makes something, made once however often it is repeated with one key (<see cref="IdempotencyMiddleware"/>):
    /// by default an optional <c>Idempotency-Key</c> header.
    /// </summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint, IdempotentAttribute? idempotent = null) =>
        endpoint.WithMetadata(idempotent ?? new IdempotentAttribute());
}
