using System.Globalization;
using Microsoft.Extensions.Options;

namespace IntegrationHub.LoadShedding;

public static class LoadSheddingExtensions
{
    public static IHostApplicationBuilder AddLoadShedding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LoadSheddingOptions>()
            .Bind(builder.Configuration.GetSection(LoadSheddingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<LoadShedder>();
        return builder;
    }

    /// <summary>
    /// Before authentication, so that a request turned away costs no token validation. The REST API only: it is where
    /// partners' systems send work in bulk; the pages and the FHIR facade serve people and single records.
    /// </summary>
    public static WebApplication UseLoadShedding(this WebApplication app)
    {
        var shedder = app.Services.GetRequiredService<LoadShedder>();
        var retryAfter = app.Services.GetRequiredService<IOptions<LoadSheddingOptions>>().Value.RetryAfter;
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.Use(async (http, next) =>
        {
            using var place = await shedder.AdmitAsync(http.RequestAborted);
            if (place.IsAcquired)
            {
                await next(http);
                return;
            }

            http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                title: "The hub is busy",
                detail: $"The hub has more requests in hand than it takes at once; nothing was done. Send the request again after {(int)retryAfter.TotalSeconds} seconds (Retry-After), with the same Idempotency-Key if it had one.",
                statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        }));
        return app;
    }
}
