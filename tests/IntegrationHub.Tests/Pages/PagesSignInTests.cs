using System.Net;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace IntegrationHub.Tests.Pages;

public sealed class PagesSignInTests(PagesSignInTests.LocalSignInHub hub) : IClassFixture<PagesSignInTests.LocalSignInHub>
{
    [Fact]
    public async Task Local_sign_in_gives_a_cookie_that_the_pages_accept_and_the_api_refuses()
    {
        using var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync(HubPages.SignInPath);

        var signedIn = await browser.PostAsync(HubPages.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LocalSignIn.AntiforgeryToken(form),
            ["SignInAs"] = $"{HubFactory.TenantA}:{LocalUsers.PersonalAdviser(HubFactory.TenantA).Id}",
        }));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/workspace", signedIn.Headers.Location?.OriginalString);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hub.session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/young-people")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_refused()
    {
        using var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.GetStringAsync(HubPages.SignInPath);

        var forged = await browser.PostAsync(HubPages.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SignInAs"] = $"{HubFactory.TenantA}:{LocalUsers.PersonalAdviser(HubFactory.TenantA).Id}",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("hub.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bearer_token_does_not_open_the_pages()
    {
        using var api = hub.PersonalAdviser();

        var response = await api.GetAsync("/workspace");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/sign-in", response.RequestMessage?.RequestUri?.AbsolutePath, StringComparison.Ordinal);
    }

    public sealed class LocalSignInHub : HubFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder) =>
            builder.UseSetting($"Tenants:LocalAuthorities:{TenantA}:Name", "Council A");
    }
}

public sealed class EntraSignInTests(EntraSignInTests.EntraHub hub) : IClassFixture<EntraSignInTests.EntraHub>
{
    const string AuthorizeEndpoint = $"https://login.microsoftonline.com/{HubFactory.EntraTenantId}/oauth2/v2.0/authorize";

    [Fact]
    public async Task Without_local_tokens_the_pages_send_people_to_entra_id()
    {
        using var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await browser.GetAsync("/workspace");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HubPages.SignInPath, page.Headers.Location?.AbsolutePath);

        var signIn = await browser.GetAsync(page.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var entra = signIn.Headers.Location?.ToString() ?? "";
        Assert.StartsWith(AuthorizeEndpoint, entra, StringComparison.Ordinal);
        Assert.Contains($"client_id={EntraHub.ClientId}", entra, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", entra, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_local_tokens_there_is_no_local_sign_in()
    {
        using var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.PostAsync(HubPages.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["SignInAs"] = "council-a:demo-pa-1" }));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("hub.session=", StringComparison.Ordinal)));
    }

    /// <summary>The production shape: no local tokens; Entra ID's metadata given here because this machine cannot reach it.</summary>
    public sealed class EntraHub : HubFactory
    {
        public const string ClientId = "5f1c2a9e-3b4d-4e6f-8a7b-9c0d1e2f3a4b";

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("LocalTokens:Enabled", "false");
            builder.UseSetting("AzureAd:ClientId", ClientId);
            builder.UseSetting("AzureAd:ClientSecret", "test-secret-not-used");
            builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
                oidc.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration
                {
                    Issuer = Issuer,
                    AuthorizationEndpoint = AuthorizeEndpoint,
                    TokenEndpoint = $"https://login.microsoftonline.com/{EntraTenantId}/oauth2/v2.0/token",
                })));
        }
    }
}
