using Microsoft.AspNetCore.Builder;

namespace TodoClean.Infrastructure.Hosting.OpenApi;

/// <summary>A header the response with <paramref name="StatusCode"/> carries, for the API description.</summary>
public sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description, bool Required);

/// <summary>
/// The credentials an endpoint accepts: any one of <paramref name="Schemes"/> (security schemes of the document).
/// <paramref name="Optional"/>: the endpoint also answers without credentials.
/// </summary>
public sealed record SecurityRequirementMetadata(IReadOnlyList<string> Schemes, bool Optional);

/// <summary>The response with <paramref name="StatusCode"/> is its declared body or a literal JSON <c>null</c>.</summary>
public sealed record NullableResponseMetadata(int StatusCode);

/// <summary>The response with <paramref name="StatusCode"/> is its declared body or, instead, a <paramref name="Alternative"/>.</summary>
public sealed record AlternativeResponseMetadata(int StatusCode, Type Alternative);

/// <summary>The endpoint's query parameters are checked by the validator of <paramref name="Model"/>, by name.</summary>
public sealed record ParameterRulesMetadata(Type Model);

/// <summary>
/// The request body type is checked as <see cref="Model"/> (the command or query it becomes), whose validator's rules
/// the API description shows on the body's schema.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ValidatedAsAttribute(Type model) : Attribute
{
    public Type Model { get; } = model;
}

/// <summary>Endpoint metadata that only the API description reads; none of it changes how a request is answered.</summary>
public static class ApiDescriptionExtensions
{
    public static TBuilder WithResponseHeader<TBuilder>(
        this TBuilder builder, int statusCode, string name, string description, bool required = true)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ResponseHeaderMetadata(statusCode, name, description, required));

    /// <summary>The endpoint needs one of <paramref name="schemes"/>.</summary>
    public static TBuilder RequiresCredentials<TBuilder>(this TBuilder builder, params string[] schemes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SecurityRequirementMetadata(schemes, Optional: false));

    /// <summary>The endpoint reads one of <paramref name="schemes"/> when sent, and answers without one too.</summary>
    public static TBuilder AcceptsCredentials<TBuilder>(this TBuilder builder, params string[] schemes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SecurityRequirementMetadata(schemes, Optional: true));

    public static TBuilder WithNullableResponse<TBuilder>(this TBuilder builder, int statusCode)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NullableResponseMetadata(statusCode));

    /// <summary>The response with <paramref name="statusCode"/> may be a <typeparamref name="TAlternative"/> instead of its declared body.</summary>
    public static TBuilder WithAlternativeResponse<TAlternative, TBuilder>(this TBuilder builder, int statusCode)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AlternativeResponseMetadata(statusCode, typeof(TAlternative)));

    public static RouteHandlerBuilder WithParameterRules<TModel>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new ParameterRulesMetadata(typeof(TModel)));
}
