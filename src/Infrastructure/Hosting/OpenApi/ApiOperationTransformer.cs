using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace TodoClean.Infrastructure.Hosting.OpenApi;

/// <summary>
/// Applies the endpoint metadata that the framework's generator does not read: response headers
/// (<see cref="ResponseHeaderMetadata"/>), credentials (<see cref="SecurityRequirementMetadata"/>), bodies that may be
/// <c>null</c> (<see cref="NullableResponseMetadata"/>), bodies of one of two shapes (<see cref="AlternativeResponseMetadata"/>) and the validator's rules on query parameters
/// (<see cref="ParameterRulesMetadata"/>).
/// </summary>
internal sealed class ApiOperationTransformer(IServiceProvider services, IOptions<ApiDocumentOptions> options)
    : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            if (operation.Responses?.TryGetValue(header.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
                response.Headers[header.Name] = new OpenApiHeader
                {
                    Description = header.Description,
                    Required = header.Required,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
        {
            foreach (var (name, description) in options.Value.CommonResponseHeaders)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
                response.Headers.TryAdd(name, new OpenApiHeader
                {
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        foreach (var nullable in metadata.OfType<NullableResponseMetadata>())
        {
            if (operation.Responses?.TryGetValue(nullable.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse { Content: { } content })
            {
                foreach (var media in content.Values.Where(m => m.Schema is not null))
                {
                    media.Schema = new OpenApiSchema { OneOf = [media.Schema!, new OpenApiSchema { Type = JsonSchemaType.Null }] };
                }
            }
        }

        foreach (var alternative in metadata.OfType<AlternativeResponseMetadata>())
        {
            if (operation.Responses?.TryGetValue(alternative.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var found) == true
                && found is OpenApiResponse { Content: { } content })
            {
                var other = await context.GetOrCreateSchemaAsync(alternative.Alternative, null, cancellationToken);
                foreach (var media in content.Values.Where(m => m.Schema is not null))
                {
                    media.Schema = new OpenApiSchema { OneOf = [media.Schema!, other] };
                }
            }
        }

        if (metadata.OfType<SecurityRequirementMetadata>().LastOrDefault() is { } security)
        {
            operation.Security = [.. security.Schemes.Select(name => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(name, context.Document)] = [],
            })];
            if (security.Optional)
            {
                operation.Security.Add(new OpenApiSecurityRequirement());
            }
        }

        if (metadata.OfType<ParameterRulesMetadata>().LastOrDefault() is { } rules && operation.Parameters is { } parameters)
        {
            ValidationRuleSchemas.ApplyToParameters(parameters, rules.Model, services);
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is not OpenApiSchema { MaxLength: null } schema || schema.Type?.HasFlag(JsonSchemaType.String) != true)
            {
                continue;
            }

            if (schema.Format == "uuid")
            {
                // Any form Guid.TryParse reads, the longest being "X": {0x…,0x…,0x…,{0x…,…}}.
                schema.MaxLength = MaxUuidLength;
            }
            else if (parameter.In == ParameterLocation.Header)
            {
                // Kestrel refuses (431) requests whose headers together exceed this.
                schema.MaxLength = MaxRequestHeadersTotalSize;
            }
        }

        SortResponses(operation);
    }

    /// <summary>Responses in the order of their status codes, success first.</summary>
    private static void SortResponses(OpenApiOperation operation)
    {
        if (operation.Responses is not { Count: > 1 } responses)
        {
            return;
        }

        var sorted = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (status, response) in sorted)
        {
            responses[status] = response;
        }
    }

    private const int MaxUuidLength = 68;

    /// <summary>Kestrel's default <c>MaxRequestHeadersTotalSize</c>, which the hosts keep.</summary>
    private const int MaxRequestHeadersTotalSize = 32 * 1024;
}
