namespace IntegrationHub.Pages.Shared;

/// <summary>What the radios partial (<c>_Radios</c>) shows: one question, one answer from a list.</summary>
/// <param name="Id">The first radio's id, where the error summary links; the others are <c>{Id}-{value}</c>.</param>
/// <param name="Name">The form field name every radio posts.</param>
/// <param name="Options">Each answer's value and label, in the order shown.</param>
/// <param name="Selected">The value checked, if any.</param>
public sealed record RadiosInput(
    string Id, string Name, string Legend, string Hint, IReadOnlyList<(string Value, string Label)> Options, string? Selected, string? Error, bool Small = false);
