namespace IntegrationHub.Consents;

public static class ConsentsExtensions
{
    public static IHostApplicationBuilder AddConsents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConsentRegister>();
        builder.Services.AddScoped<ConsentService>();
        return builder;
    }
}
