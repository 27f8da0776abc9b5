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
}
