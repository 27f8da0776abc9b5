namespace IntegrationHub.Pages.Board;

/// <summary>A table of counts with its chart beside it (<c>_TallyTable.cshtml</c>): one of the open escalations' four.</summary>
public sealed record TallyTable(string TestId, string Caption, string KeyHeader, IReadOnlyList<(string Label, int Count)> Rows);
