using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IntegrationHub.Idempotency;

/// <summary>Documents an idempotent endpoint's key header, the marker on a replayed response, and the 409 for a used key.</summary>
sealed class IdempotencyKeyDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentAttribute>().FirstOrDefault() is not { } idempotent)
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = idempotent.Header,
            In = ParameterLocation.Header,
            Required = idempotent.Required,
            Description = "A key of your own for this request (e.g. a new UUID), 1 to 100 printable ASCII characters. "
                + "A repeat with the same key and body gets the first response again, with Idempotent-Replayed: true, and changes nothing; "
                + "the same key with another body is a 409. Keys are kept for 24 hours by default.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MinLength = 1,
                MaxLength = IdempotentAttribute.MaxKeyLength,
                Pattern = "^[\\x20-\\x7E]+$",
            },
        });

        operation.Responses ??= [];
        foreach (var success in operation.Responses.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>())
        {
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            success.Headers[IdempotentAttribute.ReplayedHeader] = new OpenApiHeader
            {
                Description = $"true when this is the first response to the same {idempotent.Header}, given again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Boolean },
            };
        }

        operation.Responses.TryAdd("409", new OpenApiResponse
        {
            Description = $"The {idempotent.Header} was used for another request, or its first request is still in progress (see Retry-After).",
        });
    }
}
