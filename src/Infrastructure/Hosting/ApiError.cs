using FluentValidation.Results;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// What went wrong, decided once by <see cref="ApiExceptionHandler"/> and written by whichever
/// <see cref="IApiErrorWriter"/> speaks the client's dialect (RFC 9457 by default, Better Auth on the gateway).
/// </summary>
public sealed record ApiError(int Status, string Title, string Detail, string Code)
{
    /// <summary>Field errors, keyed by camelCase field name.</summary>
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>The validator failures behind <see cref="Errors"/>, with their error codes.</summary>
    public IReadOnlyList<ValidationFailure>? Failures { get; init; }

    /// <summary>Extra response headers, such as <c>WWW-Authenticate</c>.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
