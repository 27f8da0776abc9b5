using System.Net;
using System.Text.Json;
using static IntegrationHub.Tests.HubApi;

namespace IntegrationHub.Tests.OpenApi;

public class OpenApiTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Fact]
    public async Task Swagger_document_declares_bearer_security()
    {
        using var anonymous = hub.CreateClient();

        var response = await anonymous.GetAsync("/swagger/v1/swagger.json");

        await ExpectAsync(response, HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        Assert.Equal("JWT", bearer.GetProperty("bearerFormat").GetString());
        var requirement = Assert.Single(root.GetProperty("security").EnumerateArray());
        Assert.True(requirement.TryGetProperty("bearer", out _));
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/referrals", paths);
        Assert.Contains("/api/legs/{legId}", paths);
    }
}
