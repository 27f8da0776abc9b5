using IntegrationHub.Contracts.V1;

namespace IntegrationHub.PathwayPlans;

public sealed record NewPlanSection(string? Code, List<string>? Needs, List<string>? Actions, string? Owner, DateOnly? ReviewDate);

public sealed record CreatePlanVersion(List<NewPlanSection>? Sections);

public sealed record PlanVersionDetails(Guid Id, Guid YoungPersonId, int Number, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<PlanSection> Sections)
{
    public static PlanVersionDetails From(PathwayPlanVersion v) => new(v.Id, v.YoungPersonId, v.Number, v.CreatedAt, v.CreatedBy, v.Sections);
}

public sealed record PlanVersionSummary(int Number, DateTimeOffset CreatedAt, string CreatedBy, int SectionCount);

public sealed record PathwayPlanDetails(PlanVersionDetails Latest, IReadOnlyList<PlanVersionSummary> History);
