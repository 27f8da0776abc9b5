namespace IntegrationHub.Escalations.Calendar;

/// <summary>
/// One division of the GOV.UK bank holidays feed (https://www.gov.uk/bank-holidays.json), e.g.
/// <c>{ "division": "england-and-wales", "events": [ { "title": "Christmas Day", "date": "2026-12-25" } ] }</c>.
/// <c>Source</c> is ours (where the dates came from and how to update them); the feed has no such field.
/// </summary>
internal sealed record BankHolidayFeed(string Division, IReadOnlyList<BankHolidayEvent> Events, string? Source = null);

/// <summary>One bank holiday in the feed. <c>Notes</c> is "Substitute day" when it stands in for one at a weekend.</summary>
internal sealed record BankHolidayEvent(string Title, DateOnly Date, string? Notes = null);
