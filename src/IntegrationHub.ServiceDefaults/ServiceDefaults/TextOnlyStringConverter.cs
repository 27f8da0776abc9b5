using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.ServiceDefaults;

/// <summary>
/// Refuses a JSON string that is not text a database can keep: a NUL (PostgreSQL cannot store one in text, so it would
/// fail as a server error there and be kept on SQLite) or a lone surrogate (not text at all; the reader itself refuses
/// an escaped one). The JsonException carries the field's path, so <see cref="MalformedJsonHandler"/> answers a 400 naming it.
/// </summary>
public sealed class TextOnlyStringConverter : JsonConverter<string>
{
    public const string NulMessage = "The text holds a NUL character";

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException($"{NulMessage}, which no field of the hub can keep.")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
