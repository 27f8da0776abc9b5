using System.Net;
using System.Text.RegularExpressions;
using IntegrationHub.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntegrationHub.Tests.Pages;

/// <summary>The local sign-in page as a browser uses it: its form, its antiforgery token, and the session cookie it gives.</summary>
public static partial class LocalSignIn
{
    /// <summary>
    /// A client signed in to the pages as one of the local users (<see cref="LocalUsers"/>), carrying the session cookie.
    /// The hub must list the tenant among its local authorities, as the sign-in page offers only theirs.
    /// </summary>
    /// <param name="followRedirects">False to see each redirect the pages answer with, as a test of what a page refuses needs.</param>
    public static async Task<HttpClient> SignedInBrowserAsync(this HubFactory hub, HubUser user, bool followRedirects = true)
    {
        var browser = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        var form = await browser.GetStringAsync(HubPages.SignInPath);
        var signedIn = await browser.PostAsync(HubPages.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["SignInAs"] = $"{user.TenantId}:{user.Id}",
        }));

        // A refused choice shows the sign-in page again; a sound one goes on to the user's home.
        var landedOn = followRedirects ? signedIn.RequestMessage?.RequestUri?.AbsolutePath : signedIn.Headers.Location?.OriginalString;
        Assert.True(
            signedIn.StatusCode == (followRedirects ? HttpStatusCode.OK : HttpStatusCode.Redirect) && landedOn != HubPages.SignInPath,
            $"Signing in as {user.Id} of {user.TenantId} did not leave the sign-in page: {(int)signedIn.StatusCode}");
        return browser;
    }

    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The form has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
