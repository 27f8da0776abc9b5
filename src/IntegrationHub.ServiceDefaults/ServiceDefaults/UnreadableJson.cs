using System.Text.Json;

namespace IntegrationHub.ServiceDefaults;

/// <summary>
/// What a <see cref="JsonException"/> from reading a request or an agency's document tells its sender: the field
/// whose value could not be read, or the whole text when it is not JSON at all.
/// </summary>
public static class UnreadableJson
{
    /// <param name="whole">The name for the whole text ("body", "document") and how a message speaks of it.</param>
    public static (string Field, string Message) Describe(JsonException json, string whole, string wholeInWords)
    {
        ArgumentNullException.ThrowIfNull(json);
        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        return field switch
        {
            null => (whole, $"{wholeInWords} is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})."),
            _ when json.InnerException is null && json.Message.StartsWith(TextOnlyStringConverter.NulMessage, StringComparison.Ordinal) => (field, $"The value of '{field}' holds a NUL character, which no field can keep."),
            _ => (field, $"The value of '{field}' is not of the type this field takes."),
        };
    }
}
