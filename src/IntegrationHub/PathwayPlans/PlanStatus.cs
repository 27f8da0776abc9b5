using IntegrationHub.Contracts.V1;

namespace IntegrationHub.PathwayPlans;

/// <summary>Where the young person lives now, as a plan version records it for the statutory return and the board's scorecard.</summary>
/// <param name="Code">One of <see cref="AccommodationCodes"/>.</param>
/// <param name="Suitable">
/// Whether the accommodation is suitable; always false for <see cref="AccommodationCodes.OnlyUnsuitable"/> and null only for
/// <see cref="AccommodationCodes.NoInformation"/>.
/// </param>
public sealed record CurrentAccommodation(string Code, bool? Suitable);

/// <summary>What the young person is doing now: in education, employment or training, or not and why.</summary>
/// <param name="Code">One of <see cref="ActivityCodes"/>.</param>
public sealed record CurrentActivity(string Code);
