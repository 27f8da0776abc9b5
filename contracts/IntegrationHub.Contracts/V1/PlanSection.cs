namespace IntegrationHub.Contracts.V1;

public sealed record PlanSection(
    string Code,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> Actions,
    string? Owner,
    DateOnly? ReviewDate);
