using IntegrationHub.Contracts.V1;

namespace IntegrationHub.PathwayPlans;

/// <summary>One immutable version of a young person's pathway plan.</summary>
public sealed class PathwayPlanVersion
{
    public Guid Id { get; init; }
    public Guid YoungPersonId { get; init; }
    public required string TenantId { get; init; }
    public int Number { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required IReadOnlyList<PlanSection> Sections { get; init; }

    public PlanSection? Section(string code) => Sections.FirstOrDefault(s => s.Code == code);
}
