namespace IntegrationHub.Messaging;

/// <summary>
/// Registers a consumer on one agency's adapter queue inside this process: how demo responders and,
/// later, agency adapters that run in the hub are attached to the bus.
/// </summary>
public sealed record AgencyConsumer(string Agency, Type ConsumerType);
