namespace IntegrationHub.Security;

/// <summary>How people sign in to the pages.</summary>
public static class HubPages
{
    public const string CookieScheme = "HubPages";
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";

    /// <summary>The policy scheme that picks the pages' cookie or the API's bearer token by path.</summary>
    public const string SelectorScheme = "HubPagesOrApi";

    /// <summary>A request for a page (or its assets), not for the API, the FHIR facade, health or the OpenAPI document.</summary>
    public static bool IsPageRequest(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Path.StartsWithSegments("/fhir")
        && !http.Request.Path.StartsWithSegments("/health")
        && !http.Request.Path.StartsWithSegments("/swagger");
}
