using System.Net;
using System.Text.RegularExpressions;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntegrationHub.Tests.Pages;

/// <summary>A browser of the hub's pages: signed in through the local sign-in page, with its cookie kept between requests.</summary>
public static partial class PageBrowser
{
    /// <summary>Signs in as one of the local users the sign-in page offers (its hub must name the user's local authority in Tenants:LocalAuthorities).</summary>
    public static async Task<HttpClient> SignInAsync(HubFactory hub, HubUser user)
    {
        var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.GetStringAsync(HubPages.SignInPath);
        var signedIn = await browser.PostAsync(HubPages.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["SignInAs"] = $"{user.TenantId}:{user.Id}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The form has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
