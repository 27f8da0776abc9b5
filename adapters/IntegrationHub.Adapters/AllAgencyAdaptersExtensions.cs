using IntegrationHub.Adapters.AdultSocialCare;
using IntegrationHub.Adapters.Channels;
using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Dwp;
using IntegrationHub.Adapters.Housing;
using IntegrationHub.Adapters.Nhs;
using IntegrationHub.Adapters.Probation;
using IntegrationHub.Adapters.Yos;
using IntegrationHub.Contracts.V1;

namespace IntegrationHub.Adapters;

public static class AllAgencyAdaptersExtensions
{
    /// <summary>
    /// Every agency, by its adapter's one definition, and the adapters named in <c>Adapters:Agencies</c>
    /// running in this process. Call before <c>AddMessaging</c>. A new agency is one line here.
    /// </summary>
    /// <exception cref="InvalidOperationException">An agency of the contract has no adapter, or two adapters claim one code.</exception>
    public static IHostApplicationBuilder AddAllAgencyAdapters(this IHostApplicationBuilder builder)
    {
        builder
            .AddAgency<HousingAgency>()
            .AddAgency<NhsAgency>()
            .AddAgency<DwpAgency>()
            .AddAgency<ProbationAgency>()
            .AddAgency<YosAgency>()
            .AddAgency<AdultSocialCareAgency>()
            .AddAgencyAdapters(contract: AgencyCodes.All);
        return builder;
    }
}
