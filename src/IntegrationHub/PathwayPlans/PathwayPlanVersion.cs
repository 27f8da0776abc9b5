using IntegrationHub.Contracts.V1;

namespace IntegrationHub.PathwayPlans;

/// <summary>
/// One immutable version of a young person's pathway plan. Its current accommodation, activity and trusted adults are
/// columns of their own, so the board can count them over each young person's latest version; null is "not recorded",
/// as in every version made before they were asked.
/// </summary>
public sealed class PathwayPlanVersion
{
    public Guid Id { get; init; }
    public Guid YoungPersonId { get; init; }
    public required string TenantId { get; init; }
    public int Number { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required IReadOnlyList<PlanSection> Sections { get; init; }

    public CurrentAccommodation? Accommodation { get; init; }

    public CurrentActivity? Activity { get; init; }

    /// <summary>One of <see cref="TrustedAdultsAnswers"/>: whether they have at least two trusted adults in their life.</summary>
    public string? TrustedAdults { get; init; }

    public PlanSection? Section(string code) => Sections.FirstOrDefault(s => s.Code == code);
}
