using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TodoClean.Infrastructure.Hosting.OpenApi;

/// <summary>
/// Makes schemas say what the JSON options really write and read: dates as ISO 8601 strings
/// (<see cref="UtcDateTimeJsonConverter"/>), members omitted when null as optional, problem details with their
/// <c>traceId</c>; and adds the validators' limits to request bodies (<see cref="ValidationRuleSchemas"/>).
/// </summary>
internal sealed class ApiSchemaTransformer(IServiceProvider services) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTime))
        {
            // The converter writes text the schema generator cannot see.
            schema.Type = Nullable.GetUnderlyingType(type) is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }

        if (type.IsEnum && schema.Enum is { Count: > 0 })
        {
            // Written by name (JsonStringEnumConverter).
            schema.Type = JsonSchemaType.String;
        }

        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        OmittedWhenNull(schema, context.JsonTypeInfo);
        if (typeof(ProblemDetails).IsAssignableFrom(type))
        {
            DescribeProblem(schema, type);
        }

        ValidationRuleSchemas.ApplyToBody(schema, context.JsonTypeInfo, services);
        return Task.CompletedTask;
    }

    /// <summary>A member the serializer leaves out when it is null is optional, and never <c>null</c> when present.</summary>
    private static void OmittedWhenNull(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
                    .OfType<JsonIgnoreAttribute>().Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull) != true)
            {
                continue;
            }

            schema.Required?.Remove(property.Name);
            if (schema.Properties!.TryGetValue(property.Name, out var member) && member is OpenApiSchema { Type: { } memberType } concrete
                && memberType != JsonSchemaType.Null)
            {
                concrete.Type = memberType & ~JsonSchemaType.Null;
            }
        }
    }

    /// <summary>
    /// RFC 9457 problem details as both hosts write them (<see cref="ApiErrorResponse"/>): title, status, detail and the
    /// request's <c>traceId</c> always, and field errors under <c>errors</c> for validation problems.
    /// </summary>
    private static void DescribeProblem(OpenApiSchema schema, Type type)
    {
        schema.Properties!["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's trace id (W3C trace context), to quote when reporting a problem.",
        };
        schema.Required = new HashSet<string>(["title", "status", "detail", "traceId"], StringComparer.Ordinal);
        if (type == typeof(HttpValidationProblemDetails))
        {
            schema.Description = "RFC 9457 problem details; for a validation problem `errors` maps each field to its messages.";
        }
    }
}
