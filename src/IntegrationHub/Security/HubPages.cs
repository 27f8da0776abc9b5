namespace IntegrationHub.Security;

/// <summary>How people sign in to the pages.</summary>
public static class HubPages
{
    public const string CookieScheme = "HubPages";
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";
}
