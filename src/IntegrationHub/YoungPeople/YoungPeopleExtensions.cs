namespace IntegrationHub.YoungPeople;

public static class YoungPeopleExtensions
{
    public static IHostApplicationBuilder AddYoungPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<YoungPeopleService>();
        return builder;
    }
}
