using TodoClean.Domain.Exceptions;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// A refusal decided by a host itself rather than by a use case (a rate limit, a method its clients may not use): the
/// error to answer with travels in the exception and is written by the one error writer like every other.
/// </summary>
public sealed class HttpProblemException(ApiError error) : RefusedException(error.Detail)
{
    public ApiError Error { get; } = error;
}
