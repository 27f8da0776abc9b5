namespace IntegrationHub.Contracts.V1;

/// <summary>One heading of the young person's pathway plan.</summary>
/// <param name="Code">One of <see cref="PlanSectionCodes"/>.</param>
/// <param name="Needs">The needs the plan records under this heading.</param>
/// <param name="Actions">The actions agreed.</param>
/// <param name="Owner">Who owns the actions, if named.</param>
/// <param name="ReviewDate">When the section is next reviewed, if set.</param>
public sealed record PlanSection(
    string Code,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Actions,
    string? Owner,
    DateOnly? ReviewDate);
