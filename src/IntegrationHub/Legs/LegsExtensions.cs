namespace IntegrationHub.Legs;

public static class LegsExtensions
{
    public static IHostApplicationBuilder AddLegs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<LegService>();
        return builder;
    }
}
