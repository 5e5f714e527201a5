using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Domain.Exceptions;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// The one place where exceptions become HTTP errors, for both hosts. Never puts exception text in a response:
/// anything unexpected is a 500 with a trace id.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var error = Map(exception);
        if (error.Status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        await WriteAsync(context, error, exception);
        return true;
    }

    /// <summary>Writes <paramref name="error"/> with the first writer that speaks the client's dialect, else as RFC 9457.</summary>
    public static async ValueTask WriteAsync(HttpContext context, ApiError error, Exception? exception = null)
    {
        context.Response.StatusCode = error.Status;
        foreach (var (name, value) in error.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        foreach (var writer in context.RequestServices.GetServices<IApiErrorWriter>())
        {
            if (writer.CanWrite(context))
            {
                await writer.WriteAsync(context, error);
                return;
            }
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = ToProblemDetails(error),
        });
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
        StatusCodes.Status503ServiceUnavailable => new ApiError(
            status, "Service Unavailable", "The service is starting or stopping. Try again in a moment.", "SERVICE_UNAVAILABLE"),
        _ => null,
    };

    public static ProblemDetails ToProblemDetails(ApiError error) => error.Errors is { } errors
        ? new HttpValidationProblemDetails(errors) { Status = error.Status, Title = error.Title, Detail = error.Detail }
        : new ProblemDetails { Status = error.Status, Title = error.Title, Detail = error.Detail };

    public static ApiError Map(Exception exception) => exception switch
    {
        ValidationException e => Validation(e.Errors, e.Failures),
        DomainException e => Validation(
            new Dictionary<string, string[]> { [e.Field] = [e.Message] }, [new ValidationFailure(e.Field, e.Message)]),
        AuthException e => new ApiError(StatusOf(e.Error.Kind), TitleOf(e.Error.Kind), e.Error.Message, e.Error.Code),
        NotFoundException e => new ApiError(
            StatusCodes.Status404NotFound, "Not Found", $"The {Humanize(e.Resource)} was not found.", "NOT_FOUND"),
        PreconditionFailedException e => new ApiError(
            StatusCodes.Status412PreconditionFailed, "Precondition Failed", e.Message, "PRECONDITION_FAILED"),
        UnauthorizedAccessException => new ApiError(
            StatusCodes.Status401Unauthorized, "Unauthorized", "Sign in to continue.", "UNAUTHORIZED"),
        BadHttpRequestException e => FromBadRequest(e),
        TooManyRequestsException e => TooManyRequests(e.RetryAfter),
        _ => new ApiError(
            StatusCodes.Status500InternalServerError, "Internal Server Error",
            "Something went wrong on our side. Try again; if it keeps happening, quote the trace id.", "INTERNAL_SERVER_ERROR"),
    };

    /// <summary>429 with the standard <c>Retry-After</c> and Better Auth's <c>X-Retry-After</c>, both in whole seconds.</summary>
    public static ApiError TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ApiError(StatusCodes.Status429TooManyRequests, "Too Many Requests",
            $"Too many requests. Please try again later (in {seconds} s).", "TOO_MANY_REQUESTS")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = seconds, ["X-Retry-After"] = seconds },
        };
    }

    private static ApiError Validation(IDictionary<string, string[]> errors, IReadOnlyList<ValidationFailure> failures) =>
        new(StatusCodes.Status400BadRequest, "One or more validation errors occurred.",
            "Check the highlighted fields and try again.", "VALIDATION_ERROR")
        {
            Errors = errors,
            Failures = failures,
        };

    /// <summary>Binding failures: bad JSON, wrong JSON types, missing body, wrong content type, oversize body.</summary>
    private static ApiError FromBadRequest(BadHttpRequestException exception)
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
            if (!IsTypeError(json))
            {
                return new ApiError(StatusCodes.Status400BadRequest, "Bad Request",
                    "The request body is not valid JSON.", "BAD_REQUEST");
            }

            if (FieldFromJsonPath(json.Path) is not { } field)
            {
                return BodyMustBeAnObject;
            }

            var message = $"'{field}' has the wrong type or an unknown value.";
            return Validation(new Dictionary<string, string[]> { [field] = [message] }, [new ValidationFailure(field, message)]);
        }

        if (exception.Message.Contains("was not provided", StringComparison.Ordinal)
            || exception.Message.Contains("no body", StringComparison.OrdinalIgnoreCase))
        {
            return BodyMustBeAnObject;
        }

        // Route and query binding (e.g. page=abc): the framework's message names the parameter and the value.
        return new ApiError(StatusCodes.Status400BadRequest, "Bad Request", exception.Message, "BAD_REQUEST");
    }

    private static readonly ApiError UnsupportedMediaType = new(StatusCodes.Status415UnsupportedMediaType,
        "Unsupported Media Type", "Send the request body as JSON with 'Content-Type: application/json'.", "UNSUPPORTED_MEDIA_TYPE");

    private static readonly ApiError PayloadTooLarge = new(
        StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "The request body is too large.", "PAYLOAD_TOO_LARGE");

    private static readonly ApiError BodyMustBeAnObject = new(
        StatusCodes.Status400BadRequest, "Bad Request", "The request needs a JSON object body.", "BODY_MUST_BE_AN_OBJECT");

    private static bool IsTypeError(JsonException json) =>
        json.Message.Contains("could not be converted", StringComparison.Ordinal);

    private static string? FieldFromJsonPath(string? path)
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
        AuthErrorKind.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(AuthErrorKind kind) => kind switch
    {
        AuthErrorKind.Unauthorized => "Unauthorized",
        AuthErrorKind.Forbidden => "Forbidden",
        AuthErrorKind.Unprocessable => "Unprocessable Entity",
        AuthErrorKind.MethodNotAllowed => "Method Not Allowed",
        _ => "Bad Request",
    };

    private static string Humanize(string resource) => resource switch
    {
        "TodoItem" => "todo",
        _ => resource.ToLowerInvariant(),
    };
}
