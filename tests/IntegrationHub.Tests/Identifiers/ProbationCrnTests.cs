using IntegrationHub.Identifiers;

namespace IntegrationHub.Tests.Identifiers;

public class ProbationCrnTests
{
    [Theory]
    [InlineData("X123456")]
    [InlineData("A000001")]
    [InlineData("x123456")]
    [InlineData(" X123456 ")]
    public void Valid_crn_is_accepted(string value)
    {
        Assert.True(ProbationCrn.IsValid(value));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("XX12345")]
    [InlineData("X12345")]
    [InlineData("X1234567")]
    [InlineData("X12345A")]
    [InlineData("X 123456")]
    [InlineData("É123456")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_crn_is_refused(string? value)
    {
        Assert.False(ProbationCrn.IsValid(value));
    }

    [Fact]
    public void Crn_is_normalised_to_upper_case_without_surrounding_spaces()
    {
        Assert.Equal("X123456", ProbationCrn.Normalise(" x123456 "));
    }
}
