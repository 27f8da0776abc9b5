using System.Net;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace IntegrationHub.Tests.Security;

public sealed class RateLimitTests(RateLimitTests.TightlyLimitedHub hub) : IClassFixture<RateLimitTests.TightlyLimitedHub>
{
    [Fact]
    public async Task An_api_client_over_its_limit_gets_429_with_retry_after_while_another_user_goes_on()
    {
        using var pa = hub.CreateClient(hub.Token("limited-pa", HubRoles.PersonalAdviser, HubFactory.TenantA));
        for (var i = 0; i < TightlyLimitedHub.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await pa.GetAsync("/api/referrals")).StatusCode);
        }

        var refused = await pa.GetAsync("/api/referrals");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 3600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var colleague = hub.CreateClient(hub.Token("other-pa", HubRoles.PersonalAdviser, HubFactory.TenantA));
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/referrals")).StatusCode);
    }

    [Fact]
    public async Task The_fhir_facade_has_a_limit_of_its_own()
    {
        using var agency = hub.CreateClient(hub.Token("limited-nhs", HubRoles.Agency, HubFactory.TenantA, Contracts.V1.AgencyCodes.Nhs));
        for (var i = 0; i < TightlyLimitedHub.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync("/fhir/metadata")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await agency.GetAsync("/fhir/metadata")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync("/api/legs")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_is_limited_for_an_anonymous_address()
    {
        using var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < TightlyLimitedHub.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(HubPages.SignInPath)).StatusCode);
        }

        var refused = await browser.GetAsync(HubPages.SignInPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    /// <summary>A few requests an hour, so no window ends while a test runs.</summary>
    public sealed class TightlyLimitedHub : HubFactory
    {
        public const int Limit = 3;

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            foreach (var kind in new[] { "Api", "Fhir", "SignIn" })
            {
                builder.UseSetting($"RateLimits:{kind}:PermitLimit", $"{Limit}");
                builder.UseSetting($"RateLimits:{kind}:Window", "01:00:00");
            }
        }
    }
}

public sealed class SecurityHeaderTests(HubFactory hub) : IClassFixture<HubFactory>
{
    [Theory]
    [InlineData("/health/live", "default-src 'none'; frame-ancestors 'none'")]
    [InlineData("/api/referrals", "default-src 'none'; frame-ancestors 'none'")]
    [InlineData("/fhir/metadata", "default-src 'none'; frame-ancestors 'none'")]
    [InlineData("/js/hub.js", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'")]
    [InlineData("/sign-in", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'")]
    [InlineData("/swagger/index.html", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'")]
    [InlineData("/no-such-page", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'")]
    public async Task Every_response_carries_the_security_headers(string path, string contentSecurityPolicy)
    {
        using var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.Equal(contentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header.");
}

public sealed class ForwardedHeadersTests(ForwardedHeadersTests.BehindAProxyHub hub) : IClassFixture<ForwardedHeadersTests.BehindAProxyHub>
{
    [Fact]
    public async Task Https_forwarded_by_a_known_proxy_makes_the_cookies_secure()
    {
        var cookies = await SignInPageCookiesFromAsync(BehindAProxyHub.Proxy);

        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_not_believed()
    {
        var cookies = await SignInPageCookiesFromAsync(IPAddress.Parse("198.51.100.7"));

        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The sign-in page's antiforgery cookie, for a request that says it came over HTTPS through a proxy.</summary>
    async Task<string[]> SignInPageCookiesFromAsync(IPAddress from)
    {
        var context = await hub.Server.SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = HubPages.SignInPath;
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            http.Connection.RemoteIpAddress = from;
        });
        Assert.Equal(200, context.Response.StatusCode);
        string[] cookies = [.. context.Response.Headers.SetCookie.OfType<string>()];
        Assert.NotEmpty(cookies);
        return cookies;
    }

    public sealed class BehindAProxyHub : HubFactory
    {
        public static readonly IPAddress Proxy = IPAddress.Parse("10.20.30.40");

        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy.ToString());
    }
}

/// <summary>A hub in an environment that is neither Development nor Testing, whatever its name: it is treated as live.</summary>
public sealed class LiveEnvironmentTests
{
    [Fact]
    public void Local_tokens_stop_the_start_of_a_hub_in_any_other_environment()
    {
        using var hub = new StagingHub(localTokens: true, allowedHosts: StagingHub.Host);

        var failure = Assert.ThrowsAny<Exception>(() => hub.CreateClient());

        Assert.Contains("LocalTokens can be enabled only in the Development and Testing environments, not in 'Staging'", Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_host_name_stops_the_start_of_a_live_hub()
    {
        using var hub = new StagingHub(localTokens: false, allowedHosts: "*");

        var failure = Assert.ThrowsAny<Exception>(() => hub.CreateClient());

        Assert.Contains("AllowedHosts must name the hub's host names", Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_hub_redirects_to_https_sends_hsts_and_answers_probes_over_http()
    {
        using var hub = new StagingHub(localTokens: false, allowedHosts: StagingHub.Host);
        using var plain = hub.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{StagingHub.Host}"), AllowAutoRedirect = false });
        using var secure = hub.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"https://{StagingHub.Host}"), AllowAutoRedirect = false });

        var redirected = await plain.GetAsync("/api/referrals");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal($"https://{StagingHub.Host}/api/referrals", redirected.Headers.Location?.ToString());

        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/health/live")).StatusCode);

        var overHttps = await secure.GetAsync("/health/live");
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(", ", overHttps.Headers.GetValues("Strict-Transport-Security")));

        var elsewhere = await secure.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "attacker.example" } });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    static string Messages(Exception failure) =>
        string.Join(" | ", Flatten(failure).Select(e => e.Message));

    static IEnumerable<Exception> Flatten(Exception failure) =>
        failure is AggregateException aggregate
            ? [failure, .. aggregate.InnerExceptions.SelectMany(Flatten)]
            : failure.InnerException is { } inner ? [failure, .. Flatten(inner)] : [failure];

    sealed class StagingHub(bool localTokens, string allowedHosts) : HubFactory
    {
        public const string Host = "hub.example.org";

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Staging");
            builder.UseSetting("AllowedHosts", allowedHosts);
            builder.UseSetting("LocalTokens:Enabled", localTokens ? "true" : "false");
            builder.UseSetting("AzureAd:ClientSecret", "test-secret-not-used");
        }
    }
}
