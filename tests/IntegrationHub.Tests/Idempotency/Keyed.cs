using System.Net.Http.Json;
using IntegrationHub.Idempotency;

namespace IntegrationHub.Tests.Idempotency;

/// <summary>Requests made under an idempotency key, and what their responses say of it.</summary>
public static class Keyed
{
    public const string KeyHeader = IdempotentAttribute.KeyHeader;

    /// <summary>A JSON POST, with the key as given (even one the hub must refuse), or none.</summary>
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, body.GetType()) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
        }

        return client.SendAsync(request);
    }

    public static string NewKey() => $"key-{Guid.NewGuid():N}";

    public static bool IsReplayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(IdempotentAttribute.ReplayedHeader, out var values) && values.Single() == "true";

    /// <summary>What a caller sees of a response: its status, where it points and its body.</summary>
    public static async Task<(int Status, string? Location, string Body)> SeenAsync(this HttpResponseMessage response) =>
        ((int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
}
