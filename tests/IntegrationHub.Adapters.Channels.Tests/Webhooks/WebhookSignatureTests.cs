using IntegrationHub.Adapters.Channels.Webhooks;

namespace IntegrationHub.Adapters.Channels.Tests.Webhooks;

public class WebhookSignatureTests
{
    const string Body = """{"legId":"5b7c3f0e-0000-0000-0000-000000000001"}""";
    const string DeliveryId = "5b7c3f0e000000000000000000000001-referral";
    static readonly WebhookKey Current = new() { KeyId = "2026-12", Secret = "a-shared-secret-of-some-length" };
    static readonly WebhookKey Previous = new() { KeyId = "2026-06", Secret = "the-secret-being-rotated-out" };
    static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    static string Signed(params WebhookKey[] keys) => WebhookSignature.Sign(DeliveryId, Now.ToUnixTimeSeconds(), Body, keys);

    [Fact]
    public void Signed_body_verifies_and_names_its_key()
    {
        var signature = Signed(Current);

        Assert.StartsWith("keyid=2026-12;sha256=", signature, StringComparison.Ordinal);
        Assert.True(WebhookSignature.IsValid(Body, DeliveryId, Timestamp, signature, [Current], Now.AddSeconds(30), Window));
    }

    [Fact]
    public void While_a_secret_is_rotated_a_receiver_with_either_key_verifies()
    {
        var signature = Signed(Current, Previous);

        Assert.True(WebhookSignature.IsValid(Body, DeliveryId, Timestamp, signature, [Previous], Now, Window));
        Assert.True(WebhookSignature.IsValid(Body, DeliveryId, Timestamp, signature, [Current], Now, Window));
    }

    [Fact]
    public void Changed_body_is_refused()
    {
        Assert.False(WebhookSignature.IsValid(Body.Replace("01", "02", StringComparison.Ordinal), DeliveryId, Timestamp, Signed(Current), [Current], Now, Window));
    }

    [Fact]
    public void Another_delivery_id_is_refused_because_the_id_is_signed()
    {
        Assert.False(WebhookSignature.IsValid(Body, "5b7c3f0e000000000000000000000001-cancellation", Timestamp, Signed(Current), [Current], Now, Window));
    }

    [Fact]
    public void A_key_the_receiver_does_not_hold_is_refused()
    {
        Assert.False(WebhookSignature.IsValid(Body, DeliveryId, Timestamp, Signed(Previous), [Current], Now, Window));
    }

    [Fact]
    public void A_signature_under_another_key_id_is_refused()
    {
        var relabelled = Signed(Previous).Replace("keyid=2026-06", "keyid=2026-12", StringComparison.Ordinal);

        Assert.False(WebhookSignature.IsValid(Body, DeliveryId, Timestamp, relabelled, [Current], Now, Window));
    }

    [Fact]
    public void Replay_outside_the_window_is_refused()
    {
        Assert.False(WebhookSignature.IsValid(Body, DeliveryId, Timestamp, Signed(Current), [Current], Now.AddMinutes(6), Window));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void Missing_or_malformed_timestamp_is_refused(string? timestamp)
    {
        Assert.False(WebhookSignature.IsValid(Body, DeliveryId, timestamp, Signed(Current), [Current], Now, Window));
    }
}
