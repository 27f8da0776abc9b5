namespace IntegrationHub.Contracts.V1;

/// <summary>The services the escalation triggers tell apart.</summary>
public static class OrganisationServices
{
    /// <summary>Children and young people's mental health services (under 18).</summary>
    public const string Camhs = "camhs";

    /// <summary>Adult mental health services (18 and over).</summary>
    public const string AdultMentalHealth = "adult-mental-health";
}
