using System.Text.Json;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Adapters.Channels.Formats;

/// <summary>
/// What an agency adapter adds to the hub's one <see cref="FieldErrors"/>: reading the agency's document
/// and rejecting it, naming every bad field, as an <see cref="AgencyAnswerRejectedException"/>.
/// </summary>
public static class AgencyDocumentErrors
{
    extension(FieldErrors errors)
    {
        /// <summary>Rejects the document naming each bad field found so far, with all its messages.</summary>
        /// <exception cref="AgencyAnswerRejectedException">A field is wrong: the exception names each.</exception>
        public void ThrowIfAny()
        {
            if (errors.Any)
            {
                throw new AgencyAnswerRejectedException(errors);
            }
        }
    }

    extension(FieldErrors)
    {
        /// <summary>
        /// Reads a document written with <see cref="AgencyJson.Options"/> (with <see cref="AgencyJson.ReadOptions"/>). JSON that cannot be read is
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
                document = JsonSerializer.Deserialize<T>(json, AgencyJson.ReadOptions);
            }
            catch (JsonException e)
            {
                var (field, message) = UnreadableJson.Describe(e, "document", "The document");
                throw new AgencyAnswerRejectedException(field, message, e);
            }

            return document ?? throw new AgencyAnswerRejectedException("document", "The document is empty.");
        }
    }
}
