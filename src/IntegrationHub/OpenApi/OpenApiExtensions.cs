using IntegrationHub.Adapters.Channels.Agencies;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IntegrationHub.OpenApi;

public static class OpenApiExtensions
{
    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddOptions<SwaggerGenOptions>().Configure<AgencyDefinitions>((o, agencies) => o.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "Care Leaver Referral Hub",
            Version = "v1",
            Description = $"One referral from a young person's pathway plan to {string.Join(", ", agencies.All.Select(a => a.NameInSentence))} at once.",
        }));
        builder.Services.AddSwaggerGen(o =>
        {
            o.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An Entra ID access token for the hub (or, locally, a token printed by the demo or minted with 'mint-token').",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("bearer", document)] = [],
            });
        });
        return builder;
    }

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "Care Leaver Referral Hub API");
        return app;
    }
}
