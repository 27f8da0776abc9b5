using IntegrationHub.Security;
using IntegrationHub.ServiceDefaults;

namespace IntegrationHub.Pages;

/// <summary>
/// The server-rendered pages (GOV.UK Frontend): the Personal Adviser's workspace, the partner
/// inbox, the board's dashboard and the young person's own view. They call the same feature services as the API's handlers, so a
/// page allows and refuses exactly what the API does.
/// </summary>
public static class PagesExtensions
{
    public static IHostApplicationBuilder AddHubPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Workspace", HubPolicies.OnPages(HubPolicies.PersonalAdviser));
            pages.Conventions.AuthorizeFolder("/Partner", HubPolicies.OnPages(HubPolicies.AgencyWorker));
            pages.Conventions.AuthorizeFolder("/Board", HubPolicies.OnPages(HubPolicies.EscalationManager));
            pages.Conventions.AuthorizeFolder("/Me", HubPolicies.OnPages(HubPolicies.YoungPerson));
        });
        builder.Services.Configure<RouteOptions>(routes => routes.LowercaseUrls = true);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "hub.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = HubEnvironments.IsLocal(builder.Environment) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>
    /// For page requests only (the API keeps its problem details as JSON): error pages that show
    /// the problem's title, status and trace id, never a stack trace. Their security headers are set
    /// with every other response's (<see cref="WebHardeningExtensions.UseWebHardening"/>).
    /// </summary>
    public static WebApplication UseHubPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseWhen(HubPages.IsPageRequest, pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",

                // The error page answers a dependency out of reach with a 503; DependencyOutages speaks of the outage.
                SuppressDiagnosticsCallback = failure => DependencyFailures.Unavailable(failure.Exception) is not null,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    public static IEndpointRouteBuilder MapHubPages(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        return app;
    }
}
