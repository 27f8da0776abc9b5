using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace IntegrationHub.Adapters.Nhs.Fhir;

/// <summary>FHIR R4 JSON in and out, with the Firely SDK's own serializer and deserializer.</summary>
public static class NhsFhirJson
{
    static readonly FhirJsonSerializer Serializer = new();
    static readonly FhirJsonDeserializer Deserializer = new();

    public static string Serialize(Resource resource, bool pretty = false) =>
        Serializer.SerializeToString(resource, pretty);

    /// <summary>
    /// Reads one FHIR resource; throws <see cref="FormatException"/> saying what is wrong when the
    /// text is not one. The message gives positions and the SDK's rule messages (which name the
    /// element and may quote the one value at fault), never the document.
    /// </summary>
    public static Resource Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                var kind = document.RootElement.ValueKind switch
                {
                    JsonValueKind.Array => "an array",
                    JsonValueKind.String => "a string",
                    JsonValueKind.Number => "a number",
                    JsonValueKind.True or JsonValueKind.False => "a boolean",
                    _ => "null",
                };
                throw new FormatException($"The JSON is {kind}, not an object, so it is not a FHIR resource.");
            }

            // The SDK stumbles, with a reader's exception, on a resourceType that is not a string.
            if (document.RootElement.TryGetProperty("resourceType", out var type) && type.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("The JSON's resourceType is not a string naming the resource's type, so it is not a FHIR resource.");
            }

            // FHIR strings exclude control characters, and no database of the hub's can keep a NUL or half a
            // surrogate pair, but the SDK reads both.
            var resourceType = type.ValueKind == JsonValueKind.String ? Keepable(type.GetString, "The JSON's resourceType") : "Resource";
            if (type.ValueKind == JsonValueKind.String && !ModelInfo.IsKnownResource(resourceType))
            {
                // Else the SDK reports every element as unknown, at a path that starts with the text it was given.
                throw new FormatException("The JSON's resourceType is no FHIR R4 resource type.");
            }

            CheckText(document.RootElement, resourceType);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The text is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e);
        }

        try
        {
            return Deserializer.Deserialize<Resource>(json);
        }
        catch (DeserializationFailedException e)
        {
            var problems = string.Join("; ", e.Exceptions.Take(5).Select(x => x.Message.TrimEnd('.')));
            throw new FormatException($"The JSON is not a valid FHIR R4 resource: {problems}.", e);
        }
    }

    static void CheckText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Keepable(element.GetString, $"The text of {path}");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Keepable(() => property.Name, $"A name in {path}");
                    CheckText(property.Value, $"{path}.{name}");
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item, $"{path}[{index++}]");
                }

                break;
        }
    }

    static string Keepable(Func<string?> read, string what)
    {
        string text;
        try
        {
            text = read() ?? "";
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"{what} holds half a surrogate pair, which is not text.", e);
        }

        return text.Contains('\0', StringComparison.Ordinal)
            ? throw new FormatException($"{what} holds a NUL character, which no FHIR string may hold.")
            : text;
    }
}
