namespace IntegrationHub.Contracts.V1;

/// <summary>The queue names partners connect to.</summary>
public static class Endpoints
{
    /// <summary>The hub sends each agency its <see cref="LegRequested"/> and <see cref="LegCancelled"/> messages here.</summary>
    public static string AgencyQueue(string agency) => $"agency-{agency}";

    /// <summary>The hub consumes agency answers from this queue.</summary>
    public const string LegAnswersQueue = "hub-leg-answers";
}
