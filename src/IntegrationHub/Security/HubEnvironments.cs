namespace IntegrationHub.Security;

/// <summary>
/// Where the hub runs for people who are not real users: a developer's machine and the tests.
/// Every other environment, whatever it is called (Production, Staging, Training…), is treated as live.
/// </summary>
public static class HubEnvironments
{
    public const string Testing = "Testing";

    public static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}
