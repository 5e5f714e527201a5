using Microsoft.OpenApi;

namespace TodoClean.Infrastructure.Hosting.OpenApi;

/// <summary>What a host adds to its generated OpenAPI document: a description and the credentials it accepts.</summary>
public sealed class ApiDocumentOptions
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The document's security schemes, by name.</summary>
    public Dictionary<string, OpenApiSecurityScheme> SecuritySchemes { get; } = new(StringComparer.Ordinal);

    /// <summary>Headers any response may carry (e.g. CORS), by name, with their descriptions.</summary>
    public Dictionary<string, string> CommonResponseHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The schemes that satisfy an endpoint mapped with <c>RequireAuthorization()</c> (any one of them).</summary>
    public List<string> AuthorizationSchemes { get; } = [];
}
