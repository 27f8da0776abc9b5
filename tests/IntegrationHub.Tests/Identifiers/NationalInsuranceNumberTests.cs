using IntegrationHub.Identifiers;

namespace IntegrationHub.Tests.Identifiers;

public class NationalInsuranceNumberTests
{
    [Theory]
    [InlineData("AB123456A")]
    [InlineData("AB123456C")]
    [InlineData("AB123456D")]
    [InlineData("ab123456a")]
    [InlineData("AB 12 34 56 C")]
    [InlineData("JG103759A")]
    [InlineData("CE123456B")]
    [InlineData("ZA123456A")] // Z is fine first, only ZZ is excluded
    [InlineData("AZ123456A")]
    [InlineData("OA123456A")] // O is excluded only as the second letter
    public void Valid_national_insurance_number_is_accepted(string value)
    {
        Assert.True(NationalInsuranceNumber.IsValid(value));
    }

    [Theory]
    [InlineData("BG123456A")]
    [InlineData("GB123456A")]
    [InlineData("KN123456A")]
    [InlineData("NK123456A")]
    [InlineData("NT123456A")]
    [InlineData("TN123456A")]
    [InlineData("ZZ123456A")]
    public void Excluded_prefix_is_refused(string value)
    {
        Assert.False(NationalInsuranceNumber.IsValid(value));
    }

    [Theory]
    [InlineData('D')]
    [InlineData('F')]
    [InlineData('I')]
    [InlineData('Q')]
    [InlineData('U')]
    [InlineData('V')]
    public void Letter_never_used_in_a_prefix_is_refused_in_either_place(char letter)
    {
        Assert.False(NationalInsuranceNumber.IsValid($"{letter}A123456A"));
        Assert.False(NationalInsuranceNumber.IsValid($"A{letter}123456A"));
    }

    [Fact]
    public void Hmrc_specimen_QQ123456C_is_refused_because_Q_is_never_issued()
    {
        // HMRC prints QQ 12 34 56 C on its forms as a specimen: it can never belong to a person.
        Assert.False(NationalInsuranceNumber.IsValid("QQ123456C"));
    }

    [Theory]
    [InlineData("DA123456A")]
    [InlineData("AO123456A")] // O as the second letter
    [InlineData("AB123456E")] // suffix beyond D
    [InlineData("AB123456")] // no suffix
    [InlineData("AB1234567A")] // too long
    [InlineData("AB12345A")] // too short
    [InlineData("A1123456A")]
    [InlineData("12123456A")]
    [InlineData("AB12345XA")]
    [InlineData("AB1234561")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_national_insurance_number_is_refused(string? value)
    {
        Assert.False(NationalInsuranceNumber.IsValid(value));
    }

    [Theory]
    [InlineData("AB123456C\n")]
    [InlineData("AB123456CA")]
    [InlineData("AB12345C")]
    public void Value_with_anything_after_the_number_is_refused(string value)
    {
        Assert.False(NationalInsuranceNumber.IsValid(value));
    }
}
