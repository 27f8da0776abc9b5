namespace IntegrationHub.PathwayPlans;

public static class PathwayPlansExtensions
{
    public static IHostApplicationBuilder AddPathwayPlans(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PathwayPlanService>();
        return builder;
    }
}
