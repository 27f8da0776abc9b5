using IntegrationHub.Adapters.Channels.Agencies;
using IntegrationHub.Adapters.Channels.Delivery;
using IntegrationHub.Adapters.Channels.Tests.Agencies;
using IntegrationHub.Adapters.Channels.Webhooks;
using IntegrationHub.Contracts.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Adapters.Channels.Tests.Webhooks;

public class WebhookSettingsTests
{
    static readonly WebhookKey Good = new() { KeyId = "2026-12", Secret = "a-shared-secret-of-some-length" };

    static OrganisationChannel Webhook(string url, params WebhookKey[] keys) =>
        new() { Channel = AdapterOptions.WebhookChannelName, WebhookUrl = new Uri(url), WebhookKeys = [.. keys] };

    [Theory]
    [InlineData("https://agency.example/referrals")]
    [InlineData("http://127.0.0.1:5000/referrals")]
    [InlineData("http://localhost:5000/referrals")]
    public void An_https_url_or_a_loopback_one_with_a_key_is_accepted(string url)
    {
        Assert.Empty(Webhook(url, Good).WebhookProblems("org"));
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused()
    {
        Assert.Equal(
            ["Adapters:Organisations:org:WebhookUrl must be https (plain http only to a loopback address)."],
            Webhook("http://agency.example/referrals", Good).WebhookProblems("org"));
    }

    [Fact]
    public void Two_keys_rotate_but_none_or_three_are_refused()
    {
        var second = new WebhookKey { KeyId = "2026-06", Secret = "the-secret-being-rotated-out" };
        var third = new WebhookKey { KeyId = "2025-12", Secret = "an-even-older-secret-than-that" };
        const string url = "https://agency.example/referrals";

        Assert.Empty(Webhook(url, Good, second).WebhookProblems("org"));
        Assert.Equal(["Adapters:Organisations:org:WebhookKeys needs one key, or two while a secret is rotated."], Webhook(url).WebhookProblems("org"));
        Assert.Equal(["Adapters:Organisations:org:WebhookKeys needs one key, or two while a secret is rotated."], Webhook(url, Good, second, third).WebhookProblems("org"));
        Assert.Equal(["Adapters:Organisations:org:WebhookKeys has two keys with one KeyId."], Webhook(url, Good, new WebhookKey { KeyId = Good.KeyId, Secret = second.Secret }).WebhookProblems("org"));
    }

    [Theory]
    [InlineData("2026-12", "too-short")]
    [InlineData("", "a-shared-secret-of-some-length")]
    [InlineData("key id with spaces", "a-shared-secret-of-some-length")]
    public void A_key_needs_a_plain_id_and_a_long_secret(string keyId, string secret)
    {
        var problem = Assert.Single(Webhook("https://agency.example/referrals", new WebhookKey { KeyId = keyId, Secret = secret }).WebhookProblems("org"));

        Assert.StartsWith($"Adapters:Organisations:org:WebhookKeys has key '{keyId}'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_adapter_with_a_plain_http_webhook_does_not_start_and_names_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Adapters:Agencies:0"] = AgencyCodes.Housing,
            ["Adapters:Organisations:housing-authority:Channel"] = AdapterOptions.WebhookChannelName,
            ["Adapters:Organisations:housing-authority:WebhookUrl"] = "http://agency.example/referrals",
            ["Adapters:Organisations:housing-authority:WebhookKeys:0:KeyId"] = Good.KeyId,
            ["Adapters:Organisations:housing-authority:WebhookKeys:0:Secret"] = Good.Secret,
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddAgency(TestAgency.Definition(AgencyCodes.Housing)).AddAgencyAdapters();
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Adapters:Organisations:housing-authority:WebhookUrl must be https (plain http only to a loopback address).", refused.Failures);
    }
}
