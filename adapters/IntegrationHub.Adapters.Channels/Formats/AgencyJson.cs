using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Adapters.Channels.Formats;

/// <summary>
/// How the agencies' plain JSON documents are written and read: the web defaults (camelCase names,
/// case-insensitive reading), enums as strings, absent values left out.
/// </summary>
public static class AgencyJson
{
    public const string ContentType = "application/json";

    /// <summary>How the documents are written, and what their published schemas describe.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// How an agency's document is read: as written, but text holding a NUL is refused, as the hub's API refuses it
    /// (no database of the hub's can keep it).
    /// </summary>
    public static JsonSerializerOptions ReadOptions { get; } = CreateReadOptions();

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    /// <summary>The document as <see cref="ContentType"/>, for a channel to deliver.</summary>
    public static AgencyDocument Document<T>(T document) => new(ContentType, Serialize(document));

    static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    static JsonSerializerOptions CreateReadOptions()
    {
        var options = new JsonSerializerOptions(Options);
        options.Converters.Add(new TextOnlyStringConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
