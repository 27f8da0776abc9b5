namespace IntegrationHub.AgencyAnswers;

/// <summary>An agency's HTTP request already answered, kept so that a repeat gets the first answer and changes nothing.</summary>
public sealed class IdempotentRequest
{
    public required string TenantId { get; init; }
    public required string Agency { get; init; }
    public required string RequestId { get; init; }
    public required string BodyHash { get; init; }
    public int StatusCode { get; init; }
    public required string Response { get; init; }
    public DateTimeOffset At { get; init; }
}
