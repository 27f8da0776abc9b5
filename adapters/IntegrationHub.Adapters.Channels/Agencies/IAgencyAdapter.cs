using IntegrationHub.Adapters.Channels.Delivery;

namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>An agency's adapter, as it registers: <c>builder.AddAgency&lt;ProbationAgency&gt;()</c>.</summary>
public interface IAgencyAdapter
{
    static abstract AgencyDefinition Define(AdapterOptions options);
}
