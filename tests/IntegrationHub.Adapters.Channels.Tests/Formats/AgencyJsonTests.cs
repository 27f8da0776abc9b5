using IntegrationHub.Adapters.Channels.Formats;

namespace IntegrationHub.Adapters.Channels.Tests.Formats;

public class AgencyJsonTests
{
    enum Colour
    {
        DarkRed,
    }

    sealed record Sample(string GivenName, string? Nickname, Colour Colour);

    [Fact]
    public void Documents_are_camel_case_with_enums_as_strings_and_no_nulls()
    {
        Assert.Equal("""{"givenName":"Jordan","colour":"DarkRed"}""", AgencyJson.Serialize(new Sample("Jordan", null, Colour.DarkRed)));
    }

    [Fact]
    public void Document_is_plain_json()
    {
        var document = AgencyJson.Document(new Sample("Jordan", "J", Colour.DarkRed));

        Assert.Equal(new AgencyDocument("application/json", """{"givenName":"Jordan","nickname":"J","colour":"DarkRed"}"""), document);
    }

    [Fact]
    public void Options_cannot_be_changed()
    {
        Assert.True(AgencyJson.Options.IsReadOnly);
    }
}
