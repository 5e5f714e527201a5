using FluentValidation.Results;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// What went wrong, decided once (<see cref="ApiErrors"/>) and written by <see cref="ApiErrorResponse"/> in the client's
/// dialect: RFC 9457 problem details by default, Better Auth's <c>{message, code}</c> under the gateway's <c>/api/auth</c>.
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
