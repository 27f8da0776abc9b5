using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.ServiceDefaults;

/// <summary>Turns a request body that is not valid JSON for its type into a 400 naming the field.</summary>
sealed class MalformedJsonHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        var message = (json, field) switch
        {
            (null, _) => bad.Message,
            (_, null) => $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).",
            _ when json.InnerException is null && json.Message.StartsWith(TextOnlyStringConverter.NulMessage, StringComparison.Ordinal) => $"The value of '{field}' holds a NUL character, which no field can keep.",
            _ => $"The value of '{field}' is not of the type this field takes.",
        };
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field ?? "body"] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
        };
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
