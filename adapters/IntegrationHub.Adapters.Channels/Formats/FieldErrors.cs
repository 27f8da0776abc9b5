using System.Text.Json;
using System.Text.RegularExpressions;

namespace IntegrationHub.Adapters.Channels.Formats;

/// <summary>
/// Collects what is wrong with an agency's document, field by field, as the document spells the fields;
/// <see cref="ThrowIfAny"/> then rejects the document naming every one.
/// </summary>
public sealed class FieldErrors
{
    const int MaxTextLength = 4000;
    const int MaxCodeLength = 64;

    /// <summary>A code from an agency's own list, as <see cref="Code(string, string?)"/> takes it; the published schemas state it too.</summary>
    public const string OwnCodePattern = "^[a-z0-9-]{1,64}$";

    readonly Dictionary<string, List<string>> errors = [];

    public bool Any => errors.Count > 0;

    /// <summary>Each bad field with its messages, in the order they were found.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <exception cref="AgencyAnswerRejectedException">A field is wrong: the exception names each.</exception>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new AgencyAnswerRejectedException(ToDictionary());
        }
    }

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
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

    public string Text(string field, string? value, int maxLength = MaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
            return "";
        }

        return OptionalText(field, value, maxLength)!;
    }

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

    /// <summary>
    /// Reads a document written with <see cref="AgencyJson.Options"/>. JSON that cannot be read is
    /// rejected naming the field whose value is of the wrong type, or <c>document</c> when the text is
    /// not JSON at all or is <c>null</c>.
    /// </summary>
    /// <exception cref="AgencyAnswerRejectedException">The document is not JSON of the shape of <typeparamref name="T"/>.</exception>
    public static T Read<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        T? document;
        try
        {
            document = JsonSerializer.Deserialize<T>(json, AgencyJson.Options);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            var message = field is null
                ? $"The document is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."
                : $"The value of '{field}' is not of the type this field takes.";
            throw new AgencyAnswerRejectedException(field ?? "document", message, e);
        }

        return document ?? throw new AgencyAnswerRejectedException("document", "The document is empty.");
    }
}
