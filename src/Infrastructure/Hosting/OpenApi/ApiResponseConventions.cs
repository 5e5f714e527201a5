using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TodoClean.Infrastructure.Hosting.OpenApi;

/// <summary>
/// The error responses every endpoint can give because of the pipeline it runs in rather than its handler, added to each
/// endpoint's metadata as <see cref="ProducesResponseTypeMetadata"/> so the API description lists them: 500 and 503
/// (<see cref="ApiErrors.Internal"/>, <see cref="StoreGate"/>) everywhere; 400, 413 and 415 where a JSON body is read;
/// 401 with <c>WWW-Authenticate</c> where <c>RequireAuthorization()</c> applies (<see cref="ApiErrors.Unauthorized"/>).
/// The body is in the dialect of the <see cref="IApiErrorWriter"/> that covers the path, else RFC 9457 problem details.
/// A status the endpoint declares itself is left as declared.
/// </summary>
public static class ApiResponseConventions
{
    public const string ProblemContentType = "application/problem+json";

    public static void Apply(EndpointBuilder builder)
    {
        if (builder is not RouteEndpointBuilder route)
        {
            return;
        }

        var path = new PathString("/" + (route.RoutePattern.RawText ?? string.Empty).TrimStart('/'));
        var writer = builder.ApplicationServices.GetServices<IApiErrorWriter>().FirstOrDefault(w => w.Covers(path));
        var declared = builder.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();

        void Add(int status)
        {
            if (declared.Add(status))
            {
                builder.Metadata.Add(ErrorResponse(writer, status));
            }
        }

        Add(StatusCodes.Status500InternalServerError);
        Add(StatusCodes.Status503ServiceUnavailable);
        if (builder.Metadata.OfType<IAcceptsMetadata>().Any())
        {
            Add(StatusCodes.Status400BadRequest);
            Add(StatusCodes.Status413PayloadTooLarge);
            Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (builder.Metadata.OfType<IAuthorizeData>().Any() && !builder.Metadata.OfType<IAllowAnonymous>().Any())
        {
            Add(StatusCodes.Status401Unauthorized);
            builder.Metadata.Add(new ResponseHeaderMetadata(StatusCodes.Status401Unauthorized, "WWW-Authenticate",
                "`Bearer`, or `Bearer error=\"invalid_token\"` when a token was sent but refused (RFC 6750).", Required: true));
            var schemes = builder.ApplicationServices.GetRequiredService<IOptions<ApiDocumentOptions>>().Value.AuthorizationSchemes;
            if (schemes.Count > 0 && !builder.Metadata.OfType<SecurityRequirementMetadata>().Any())
            {
                builder.Metadata.Add(new SecurityRequirementMetadata(schemes, Optional: false));
            }
        }
    }

    /// <summary>An error response of <paramref name="status"/> in the dialect of <paramref name="writer"/> (null: problem details).</summary>
    public static ProducesResponseTypeMetadata ErrorResponse(IApiErrorWriter? writer, int status) => writer is null
        ? new ProducesResponseTypeMetadata(status,
            status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(Microsoft.AspNetCore.Mvc.ProblemDetails),
            [ProblemContentType])
        : new ProducesResponseTypeMetadata(status, writer.BodyType, ["application/json"]);
}
