namespace IntegrationHub.AgencyAnswers;

/// <summary>
/// An agency organisation's HTTP request already answered, kept so that a repeat gets the first answer and
/// changes nothing. Request ids are the organisation's own: two organisations may use the same one.
/// </summary>
public sealed class IdempotentRequest
{
    public required string TenantId { get; init; }
    public required string Agency { get; init; }
    public required string Organisation { get; init; }
    public required string RequestId { get; init; }
    public required string BodyHash { get; init; }
    public int StatusCode { get; init; }
    public required string Response { get; init; }
    public DateTimeOffset At { get; init; }
}
