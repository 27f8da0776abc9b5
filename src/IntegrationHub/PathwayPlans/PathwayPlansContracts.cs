using IntegrationHub.Contracts.V1;

namespace IntegrationHub.PathwayPlans;

public sealed record NewPlanSection(string? Code, List<string>? Needs, List<string>? Actions, string? Owner, DateOnly? ReviewDate);

/// <param name="Code">One of <see cref="AccommodationCodes"/>, the statutory return's accommodation categories.</param>
/// <param name="Suitable">Whether it is suitable: required, except with <see cref="AccommodationCodes.NoInformation"/>, where it is left out; always false for no fixed abode (S) and custody (X).</param>
public sealed record NewAccommodation(string? Code, bool? Suitable);

/// <param name="Code">One of <see cref="ActivityCodes"/>, the statutory return's activity categories.</param>
public sealed record NewActivity(string? Code);

/// <summary>A new version of the whole plan.</summary>
/// <param name="Sections">The sections, each a statutory heading at most once.</param>
/// <param name="Accommodation">Where the young person lives now, if recorded.</param>
/// <param name="Activity">What the young person is doing now (education, training, employment or not, and why), if recorded.</param>
/// <param name="TrustedAdults">One of <see cref="TrustedAdultsAnswers"/>, with the relationships section: whether they have at least two trusted adults in their life, if recorded.</param>
public sealed record CreatePlanVersion(List<NewPlanSection>? Sections, NewAccommodation? Accommodation = null, NewActivity? Activity = null, string? TrustedAdults = null);

/// <summary>One version of the plan as it was made.</summary>
/// <param name="Accommodation">Where the young person lived, and whether it was suitable; null when the version did not record it.</param>
/// <param name="Activity">What the young person was doing; null when the version did not record it.</param>
/// <param name="TrustedAdults">One of <see cref="TrustedAdultsAnswers"/>; null when the version did not record it.</param>
public sealed record PlanVersionDetails(
    Guid Id,
    Guid YoungPersonId,
    int Number,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<PlanSection> Sections,
    CurrentAccommodation? Accommodation,
    CurrentActivity? Activity,
    string? TrustedAdults)
{
    public static PlanVersionDetails From(PathwayPlanVersion v) =>
        new(v.Id, v.YoungPersonId, v.Number, v.CreatedAt, v.CreatedBy, v.Sections, v.Accommodation, v.Activity, v.TrustedAdults);
}

public sealed record PlanVersionSummary(int Number, DateTimeOffset CreatedAt, string CreatedBy, int SectionCount);

public sealed record PathwayPlanDetails(PlanVersionDetails Latest, IReadOnlyList<PlanVersionSummary> History);
