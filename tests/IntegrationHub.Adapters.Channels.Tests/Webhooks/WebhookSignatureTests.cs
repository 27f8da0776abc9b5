using IntegrationHub.Adapters.Channels.Webhooks;

namespace IntegrationHub.Adapters.Channels.Tests.Webhooks;

public class WebhookSignatureTests
{
    const string Secret = "a-shared-secret-of-some-length";
    const string Body = """{"legId":"5b7c3f0e-0000-0000-0000-000000000001"}""";
    static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Signed_body_verifies()
    {
        var signature = WebhookSignature.Sign(Body, Now.ToUnixTimeSeconds(), Secret);

        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.True(WebhookSignature.IsValid(Body, Timestamp, signature, Secret, Now.AddSeconds(30), Window));
    }

    [Fact]
    public void Changed_body_is_refused()
    {
        var signature = WebhookSignature.Sign(Body, Now.ToUnixTimeSeconds(), Secret);

        Assert.False(WebhookSignature.IsValid(Body.Replace("01", "02", StringComparison.Ordinal), Timestamp, signature, Secret, Now, Window));
    }

    [Fact]
    public void Other_secret_is_refused()
    {
        var signature = WebhookSignature.Sign(Body, Now.ToUnixTimeSeconds(), "another-secret");

        Assert.False(WebhookSignature.IsValid(Body, Timestamp, signature, Secret, Now, Window));
    }

    [Fact]
    public void Replay_outside_the_window_is_refused()
    {
        var signature = WebhookSignature.Sign(Body, Now.ToUnixTimeSeconds(), Secret);

        Assert.False(WebhookSignature.IsValid(Body, Timestamp, signature, Secret, Now.AddMinutes(6), Window));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Missing_or_malformed_timestamp_is_refused(string? timestamp)
    {
        var signature = WebhookSignature.Sign(Body, Now.ToUnixTimeSeconds(), Secret);

        Assert.False(WebhookSignature.IsValid(Body, timestamp, signature, Secret, Now, Window));
    }
}
