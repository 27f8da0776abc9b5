namespace IntegrationHub.Contracts.V1;

/// <summary>The receiving agency types, as they appear on the wire.</summary>
public static class AgencyCodes
{
    public const string Housing = "housing";
    public const string Nhs = "nhs";
    public const string Dwp = "dwp";
    public const string Probation = "probation";
    public const string Yos = "yos";

    public static IReadOnlyList<string> All { get; } = [Housing, Nhs, Dwp, Probation, Yos];
}
