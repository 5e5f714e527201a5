using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace TodoClean.Infrastructure.Hosting.OpenApi;

/// <summary>
/// The OpenAPI document each host serves at <c>/openapi/v1.json</c>, generated from its endpoints and their metadata,
/// completed by transformers: responses' headers and credentials (<see cref="ApiOperationTransformer"/>), request limits
/// from the validators (<see cref="ValidationRuleSchemas"/>) and the shapes the JSON options produce
/// (<see cref="ApiSchemaTransformer"/>).
/// </summary>
public static class ApiDocumentSetup
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddOptions<ApiDocumentOptions>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
            options.AddSchemaTransformer<ApiSchemaTransformer>();
        });
        return services;
    }
}

/// <summary>Title, description, the one server (wherever the document was fetched from) and the security schemes.</summary>
internal sealed class ApiDocumentTransformer(IOptions<ApiDocumentOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        document.Info.Title = settings.Title ?? document.Info.Title;
        document.Info.Description = settings.Description ?? document.Info.Description;
        // The host that serves the document serves the API: a relative URL stays right behind any proxy or port.
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "This host, in any environment (local, staging or production): the server that serves this document.",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(JsonValue.Create(false)) },
            },
        ];
        if (settings.SecuritySchemes.Count > 0)
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            foreach (var (name, scheme) in settings.SecuritySchemes)
            {
                document.Components.SecuritySchemes[name] = scheme;
            }
        }

        return Task.CompletedTask;
    }
}
