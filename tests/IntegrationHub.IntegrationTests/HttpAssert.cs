using System.Net;

namespace IntegrationHub.IntegrationTests;

static class HttpAssert
{
    /// <summary>Asserts the status and shows the body when it is wrong, so a failure explains itself.</summary>
    public static async Task StatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
