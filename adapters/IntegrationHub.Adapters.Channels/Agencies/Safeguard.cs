namespace IntegrationHub.Adapters.Channels.Agencies;

/// <summary>
/// A rule the hub checks on an agency's behalf: when it is unmet the escalation ladder raises its
/// <see cref="ReasonCode"/> at level 1 against the declaring agency, and resolves it once met.
/// </summary>
public abstract record Safeguard(string ReasonCode);

/// <summary>
/// A young person within <paramref name="MonthsBefore"/> months of 18, of whom <paramref name="Who"/>
/// holds, must by then have a leg of the declaring agency (of <paramref name="Service"/>, where it has several) accepted.
/// </summary>
public sealed record BeforeEighteen(string ReasonCode, int MonthsBefore, TransitionCohort Who, string? Service = null) : Safeguard(ReasonCode);

/// <summary>A planned release from custody within <paramref name="DaysBefore"/> days needs an accepted leg of the declaring agency.</summary>
public sealed record BeforeCustodyRelease(string ReasonCode, int DaysBefore) : Safeguard(ReasonCode);

/// <summary>Who a <see cref="BeforeEighteen"/> safeguard is about.</summary>
public abstract record TransitionCohort;

/// <summary>Young people with a leg of <paramref name="Agency"/> (of <paramref name="Service"/>) accepted and not completed.</summary>
public sealed record OpenTo(string Agency, string? Service = null) : TransitionCohort;

/// <summary>Young people whose current pathway plan records a need under one of <paramref name="Sections"/>.</summary>
public sealed record NeedsIn(IReadOnlyList<string> Sections) : TransitionCohort;
