using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Security;

/// <summary>
/// What keeps a hub on the internet safe beyond sign-in: believing forwarded headers only from known
/// proxies, HTTPS with HSTS outside local environments, allowed host names (the FHIR facade builds its
/// links from the Host header), security headers on every response, and a rate limit per client on
/// the API, the FHIR facade and the sign-in page.
/// </summary>
public static class WebHardeningExtensions
{
    const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    // Swagger UI styles its elements inline and draws icons and fonts as data URIs; its scripts are files of its own.
    const string SwaggerUiPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    // JSON, FHIR and health answers are never a document to render: nothing may load from them.
    const string DataPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IHostApplicationBuilder AddWebHardening(this IHostApplicationBuilder builder)
    {
        var live = !HubEnvironments.IsLocal(builder.Environment);

        builder.Services.AddOptions<ProxyOptions>()
            .Bind(builder.Configuration.GetSection(ProxyOptions.Section))
            .Validate(o => !o.Validate().Any(), "ForwardedHeaders names a proxy or network that is not an address.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.Value.KnownProxies.Select(IPAddress.Parse))
            {
                forwarded.KnownProxies.Add(proxy);
            }

            foreach (var network in proxies.Value.KnownNetworks.Select(n => System.Net.IPNetwork.Parse(n)))
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });

        builder.Services.AddOptions<HostFilteringOptions>()
            .Validate(
                o => !live || (o.AllowedHosts.Count > 0 && !o.AllowedHosts.Contains("*")),
                "AllowedHosts must name the hub's host names (not *) outside the Development and Testing environments.")
            .ValidateOnStart();

        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.Services.AddHttpsRedirection(o => o.HttpsPort = builder.Configuration.GetValue("Https:Port", 443));

        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => !o.Validate().Any(), "RateLimits needs a PermitLimit of at least 1 and a Window longer than zero for Api, Fhir and SignIn.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => PartitionFor(http, limits.Value));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>First in the pipeline: the proxies' headers are read before anything uses the scheme or the address.</summary>
    public static WebApplication UseWebHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!HubEnvironments.IsLocal(app.Environment))
        {
            app.UseHsts();

            // Kubernetes probes call the pod over plain HTTP, with no proxy in front to say HTTPS.
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
        }

        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = HubPages.IsPageRequest(http) ? PagePolicy
                    : http.Request.Path.StartsWithSegments("/swagger") ? SwaggerUiPolicy
                    : DataPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }

    /// <summary>
    /// A signed-in client is limited as its user (several people behind one council's address keep
    /// their own allowance); an anonymous one by its address. Pages other than sign-in are not limited.
    /// </summary>
    static RateLimitPartition<string> PartitionFor(HttpContext http, RateLimitOptions limits)
    {
        var path = http.Request.Path;
        var (kind, limit) = path.StartsWithSegments("/api") ? ("api", limits.Api)
            : path.StartsWithSegments("/fhir") ? ("fhir", limits.Fhir)
            : path.StartsWithSegments(HubPages.SignInPath) ? ("sign-in", limits.SignIn)
            : ("", null);
        if (limit is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var client = http.User.Identity?.IsAuthenticated == true && HubUser.From(http.User) is { } user
            ? $"user:{user.TenantId}:{user.Id}"
            : $"address:{http.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}|{client}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "This client has made more requests than the hub allows in a short time. Try again after the number of seconds in Retry-After.",
            },
        });
    }
}
