using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using static IntegrationHub.Tests.HubApi;
using FhirTask = Hl7.Fhir.Model.Task;
using Task = System.Threading.Tasks.Task;

namespace IntegrationHub.Tests.Fhir;

/// <summary>The FHIR facade as an NHS system speaks to it: every body read and written with the Firely SDK, in <c>application/fhir+json</c>.</summary>
static class FhirWire
{
    public const string FhirJson = "application/fhir+json";

    static readonly FhirJsonDeserializer Deserializer = new();
    static readonly FhirJsonSerializer Serializer = new();

    /// <summary>Asserts the status and the FHIR content type, and reads the body as the resource expected.</summary>
    public static async Task<T> ReadFhirAsync<T>(HttpResponseMessage response, HttpStatusCode expected) where T : Resource
    {
        await ExpectAsync(response, expected);
        Assert.Equal(FhirJson, response.Content.Headers.ContentType?.MediaType);
        var resource = Deserializer.Deserialize<Resource>(await response.Content.ReadAsStringAsync());
        return Assert.IsType<T>(resource);
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, FhirTask task) =>
        PutAsync(client, id, Serializer.SerializeToString(task));

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, string body) =>
        client.PutAsync($"/fhir/Task/{id}", new StringContent(body, Encoding.UTF8, FhirJson));
}
