using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Dwp;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Adapters.Probation;
using IntegrationHub.Adapters.Yos;

namespace IntegrationHub.Adapters;

public static class AllAgencyAdaptersExtensions
{
    /// <summary>
    /// Every agency's format, and the adapters named in <c>Adapters:Agencies</c> running in this
    /// process. Call before <c>AddMessaging</c>.
    /// </summary>
    public static IHostApplicationBuilder AddAllAgencyAdapters(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AdapterOptions.Section).Get<AdapterOptions>() ?? new AdapterOptions();
        return builder.AddAgencyAdapters(
            new HousingFormat(),
            new NhsFormat(),
            new DwpFormat(),
            new ProbationFormat(options.HubBaseUrl),
            new YosFormat());
    }
}
