using System.Text.RegularExpressions;

namespace IntegrationHub.ServiceDefaults;

/// <summary>
/// Collects what is wrong with a request or a document, field by field as its JSON spells the fields
/// (<c>sections[0].code</c>, <c>Task.status</c>), so that one 400 names every bad field, never only the
/// first. The hub's validators answer <see cref="ToDictionary"/> as validation problem details
/// (<c>errors: { field: [messages] }</c>, RFC 9457); an agency adapter's translator throws it as one
/// rejection of the agency's document (<c>ThrowIfAny</c>, with <c>Read&lt;T&gt;</c>, in the adapters' Channels).
/// </summary>
/// <remarks>
/// It lives here, not in the contracts, because the contracts are records and codes with no behaviour,
/// and here both the hub and every adapter (through Channels) reach it.
/// </remarks>
public sealed class FieldErrors
{
    const int MaxTextLength = 4000;
    const int MaxCodeLength = 64;

    /// <summary>A code from an agency's own list, as <see cref="Code(string, string?)"/> takes it; the published schemas state it too.</summary>
    public const string OwnCodePattern = "^[a-z0-9-]{1,64}$";

    readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    /// <summary>Each bad field with its messages, in the order they were found.</summary>
    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Adds what another check found (e.g. an agency adapter's rejection), after what was found so far.</summary>
    public void Add(IReadOnlyDictionary<string, string[]> found)
    {
        foreach (var (field, messages) in found)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    public Guid Id(string field, Guid? value)
    {
        if (value is null || value == Guid.Empty)
        {
            Add(field, $"'{field}' is required.");
        }

        return value ?? Guid.Empty;
    }

    public T Value<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, $"'{field}' is required.");
        }

        return value.GetValueOrDefault();
    }

    /// <summary>Required text of at most <paramref name="maxLength"/> characters, trimmed; <c>""</c> when it is missing.</summary>
    public string Text(string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
            return "";
        }

        return OptionalText(field, value, maxLength)!;
    }

    /// <summary>Text of at most <paramref name="maxLength"/> characters if given, trimmed; <c>null</c> when it is blank.</summary>
    public string? OptionalText(string field, string? value, int maxLength = MaxTextLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"'{field}' must be at most {maxLength} characters.");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>A required value from a closed list of codes.</summary>
    public string Code(string field, string? value, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required; use one of: {string.Join(", ", allowed)}.");
            return "";
        }

        if (!allowed.Contains(value))
        {
            Add(field, $"'{value}' is not a valid '{field}'; use one of: {string.Join(", ", allowed)}.");
        }

        return value;
    }

    /// <summary>A required code from the agency's own list: lower-case letters, digits and hyphens.</summary>
    public string Code(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
            return "";
        }

        if (!Regex.IsMatch(value, OwnCodePattern))
        {
            Add(field, $"'{field}' must be a code of at most {MaxCodeLength} lower-case letters, digits and hyphens.");
        }

        return value;
    }

    /// <summary>A field that must not be given in this kind of document.</summary>
    public void Absent(string field, object? value, string because)
    {
        if (value is not null)
        {
            Add(field, $"'{field}' must not be given {because}.");
        }
    }
}
