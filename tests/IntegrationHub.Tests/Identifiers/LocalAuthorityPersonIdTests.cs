using IntegrationHub.Identifiers;

namespace IntegrationHub.Tests.Identifiers;

public class LocalAuthorityPersonIdTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("LA-000123")]
    [InlineData("mosaic-12345")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ-12345")] // 32 characters
    public void Valid_local_authority_person_id_is_accepted(string value)
    {
        Assert.True(LocalAuthorityPersonId.IsValid(value));
    }

    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ-123456")] // 33 characters
    [InlineData("LA 123")]
    [InlineData("LA_123")]
    [InlineData("LA/123")]
    [InlineData("LÄ123")]
    [InlineData("LA-123\n")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Invalid_local_authority_person_id_is_refused(string? value)
    {
        Assert.False(LocalAuthorityPersonId.IsValid(value));
    }
}
