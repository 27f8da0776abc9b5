using IntegrationHub.Identifiers;

namespace IntegrationHub.Tests.Identifiers;

public class NhsNumberTests
{
    /// <summary>The NHS modulus-11 check digit of nine digits, computed here independently; 10 means none exists.</summary>
    static int CheckDigit(string nineDigits)
    {
        var weighted = nineDigits.Select((c, i) => (c - '0') * (10 - i)).Sum();
        var check = 11 - (weighted % 11);
        return check == 11 ? 0 : check;
    }

    [Theory]
    [InlineData("9434765919")]
    [InlineData("4010232137")]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    public void Valid_nhs_number_is_accepted(string value)
    {
        Assert.True(NhsNumber.IsValid(value));
    }

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("4010232138")] // wrong check digit
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347659AB")]
    [InlineData("ABCDEFGHIJ")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Invalid_nhs_number_is_refused(string? value)
    {
        Assert.False(NhsNumber.IsValid(value));
    }

    [Fact]
    public void Wrong_check_digit_is_the_only_thing_wrong_with_9434765918()
    {
        Assert.Equal(9, CheckDigit("943476591"));
    }

    [Fact]
    public void Number_whose_check_computes_to_ten_is_refused_whatever_its_last_digit()
    {
        // 1×10 + 1×2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no check digit can make 100000001x valid.
        Assert.Equal(10, CheckDigit("100000001"));
        Assert.False(NhsNumber.IsValid("1000000010"));
        for (var last = 0; last <= 9; last++)
        {
            Assert.False(NhsNumber.IsValid($"100000001{last}"), $"100000001{last} has no valid check digit");
        }
    }

    [Fact]
    public void Remainder_of_zero_gives_check_digit_zero()
    {
        // 2×10 + 1×2 = 22; 22 mod 11 = 0; 11 − 0 = 11, which is written as 0.
        Assert.Equal(0, CheckDigit("200000001"));
        Assert.True(NhsNumber.IsValid("2000000010"));
        Assert.False(NhsNumber.IsValid("2000000011"));
    }

    [Fact]
    public void Exactly_one_last_digit_makes_a_number_valid_unless_the_check_is_ten()
    {
        var random = new Random(20261123);
        for (var n = 0; n < 500; n++)
        {
            var nine = random.Next(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var check = CheckDigit(nine);
            for (var last = 0; last <= 9; last++)
            {
                Assert.Equal(check == last, NhsNumber.IsValid($"{nine}{last}"));
            }
        }
    }
}
