namespace IntegrationHub.ServiceDefaults;

sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http, CorrelationContext correlation)
    {
        var offered = http.Request.Headers[CorrelationContext.Header].ToString();
        correlation.Id = CorrelationContext.IsAcceptable(offered) ? offered : CorrelationContext.NewId();
        http.Response.Headers[CorrelationContext.Header] = correlation.Id;
        correlation.TagCurrentActivity();
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlation.Id }))
        {
            await next(http);
        }
    }
}
