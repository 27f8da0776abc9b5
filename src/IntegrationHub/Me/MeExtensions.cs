namespace IntegrationHub.Me;

public static class MeExtensions
{
    public static IHostApplicationBuilder AddMe(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MeService>();
        return builder;
    }
}
