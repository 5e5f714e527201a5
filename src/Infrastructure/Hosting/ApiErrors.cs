using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Domain.Exceptions;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// Every error either host answers with, and the one mapping from exceptions to them. Exceptions are told apart by type:
/// a <see cref="RefusedException"/> gets its 4xx, anything else is a 500.
/// </summary>
public static class ApiErrors
{
    /// <summary>The detail of every 401 the API answers, whatever was wrong with the credentials.</summary>
    public const string UnauthorizedDetail = "The access token is missing, expired or invalid. Sign in again.";

    public static readonly ApiError UnsupportedMediaType = new(StatusCodes.Status415UnsupportedMediaType,
        "Unsupported Media Type", "Send the request body as JSON with 'Content-Type: application/json'.", "UNSUPPORTED_MEDIA_TYPE");

    public static readonly ApiError PayloadTooLarge = new(
        StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "The request body is too large.", "PAYLOAD_TOO_LARGE");

    public static readonly ApiError BodyMustBeAnObject = new(
        StatusCodes.Status400BadRequest, "Bad Request", "The request needs a JSON object body.", "BODY_MUST_BE_AN_OBJECT");

    public static readonly ApiError InvalidJson = new(
        StatusCodes.Status400BadRequest, "Bad Request", "The request body is not valid JSON.", "BAD_REQUEST");

    public static readonly ApiError ServiceUnavailable = new(StatusCodes.Status503ServiceUnavailable,
        "Service Unavailable", "The service is starting or stopping. Try again in a moment.", "SERVICE_UNAVAILABLE");

    public static readonly ApiError Forbidden =
        new(StatusCodes.Status403Forbidden, "Forbidden", "You may not do this.", "FORBIDDEN");

    public static readonly ApiError Internal = new(StatusCodes.Status500InternalServerError, "Internal Server Error",
        "Something went wrong on our side. Try again; if it keeps happening, quote the trace id.", "INTERNAL_SERVER_ERROR");

    /// <summary>
    /// The API's 401 (RFC 6750): <c>WWW-Authenticate: Bearer</c>, with <c>error="invalid_token"</c> only when a token was
    /// sent. The same body whatever was wrong, so a caller learns nothing about which check failed.
    /// </summary>
    public static ApiError Unauthorized(bool tokenSent) =>
        new(StatusCodes.Status401Unauthorized, "Unauthorized", UnauthorizedDetail, "UNAUTHORIZED")
        {
            Headers = new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer",
            },
        };

    /// <summary>429 with the standard <c>Retry-After</c> and Better Auth's <c>X-Retry-After</c>, both in whole seconds (at least 1).</summary>
    public static ApiError TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return new ApiError(StatusCodes.Status429TooManyRequests, "Too Many Requests",
            $"Too many requests. Please try again later (in {seconds} s).", "TOO_MANY_REQUESTS")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = seconds, ["X-Retry-After"] = seconds },
        };
    }

    /// <summary>
    /// The error for a status the framework set without a body (no route, wrong method, wrong content type), so those
    /// answers are as clear as the ones from handlers. Null for statuses left as they are.
    /// </summary>
    public static ApiError? ForStatus(int status, string method) => status switch
    {
        StatusCodes.Status404NotFound => new ApiError(status, "Not Found", "Nothing exists at this address.", "NOT_FOUND"),
        StatusCodes.Status405MethodNotAllowed => new ApiError(
            status, "Method Not Allowed", $"This address does not accept {method} requests.", "METHOD_NOT_ALLOWED"),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        _ => null,
    };

    public static ApiError From(Exception exception, HttpContext context) => exception switch
    {
        HttpProblemException e => e.Error,
        ValidationException e => Validation(e.Errors, e.Failures),
        DomainException e => Validation(e.Field, e.Message),
        AuthException e => new ApiError(StatusOf(e.Error.Kind), TitleOf(e.Error.Kind), e.Error.Message, e.Error.Code),
        UnauthenticatedException => Unauthorized(tokenSent: false),
        NotFoundException e => new ApiError(StatusCodes.Status404NotFound, "Not Found", e.Message, "NOT_FOUND"),
        PreconditionFailedException e => new ApiError(
            StatusCodes.Status412PreconditionFailed, "Precondition Failed", e.Message, "PRECONDITION_FAILED"),
        BadHttpRequestException e => FromBinding(e, context),
        _ => Internal,
    };

    public static ApiError Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, [new ValidationFailure(field, message)]);

    private static ApiError Validation(IDictionary<string, string[]> errors, IReadOnlyList<ValidationFailure> failures) =>
        new(StatusCodes.Status400BadRequest, "One or more validation errors occurred.",
            "Check the highlighted fields and try again.", "VALIDATION_ERROR")
        {
            Errors = errors,
            Failures = failures,
        };

    /// <summary>
    /// A request the framework could not bind, classified by what failed rather than by the framework's wording: the
    /// content type or size, the JSON syntax (the serializer wraps the reader's own exception), a JSON value of the wrong
    /// type (the serializer names its path), a missing body, or a route or query value that does not parse.
    /// </summary>
    private static ApiError FromBinding(BadHttpRequestException exception, HttpContext context)
    {
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return UnsupportedMediaType;
        }

        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return PayloadTooLarge;
        }

        if (exception.InnerException is JsonException json)
        {
            return json.InnerException is JsonException
                ? InvalidJson
                : FieldOf(json.Path) is { } field ? Validation(field, $"'{field}' has the wrong type or an unknown value.") : BodyMustBeAnObject;
        }

        return UnparsedValues(context) is { Count: > 0 } errors
            ? Validation(errors, errors.Select(e => new ValidationFailure(e.Key, e.Value[0])).ToList())
            : BodyMustBeAnObject;
    }

    /// <summary>The endpoint's route and query values that do not parse as their handler parameter's type, with why.</summary>
    private static Dictionary<string, string[]> UnparsedValues(HttpContext context)
    {
        // The exception handler runs with the endpoint and route values cleared; the feature keeps the originals.
        var failed = context.Features.Get<IExceptionHandlerFeature>();
        var endpoint = failed?.Endpoint ?? context.GetEndpoint();
        var routeValues = failed?.RouteValues ?? context.Request.RouteValues;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var parameter in endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (parameter.Name is not { } name || !(type.IsPrimitive || type == typeof(Guid) || type == typeof(DateTime)))
            {
                continue;
            }

            var raw = routeValues.TryGetValue(name, out var route) ? route?.ToString()
                : context.Request.Query.TryGetValue(name, out var query) ? query.ToString() : null;
            if (!string.IsNullOrEmpty(raw) && !TypeDescriptor.GetConverter(type).IsValid(raw))
            {
                errors[name] = [$"{name} must be {Describe(type)}."];
            }
        }

        return errors;
    }

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(bool) ? "true or false"
        : type == typeof(Guid) ? "a UUID"
        : type == typeof(DateTime) ? "an ISO 8601 date and time"
        : "a valid value";

    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.TrimStart('$', '.');
        var cut = field.IndexOfAny(['.', '[']);
        field = cut > 0 ? field[..cut] : field;
        return field.Length == 0 ? null : char.ToLowerInvariant(field[0]) + field[1..];
    }

    private static int StatusOf(AuthErrorKind kind) => kind switch
    {
        AuthErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        AuthErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        AuthErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        AuthErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(AuthErrorKind kind) => kind switch
    {
        AuthErrorKind.Unauthorized => "Unauthorized",
        AuthErrorKind.Forbidden => "Forbidden",
        AuthErrorKind.Unprocessable => "Unprocessable Entity",
        AuthErrorKind.TooManyRequests => "Too Many Requests",
        _ => "Bad Request",
    };
}
