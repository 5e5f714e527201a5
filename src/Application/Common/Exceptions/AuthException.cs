using TodoClean.Domain.Exceptions;

namespace TodoClean.Application.Common.Exceptions;

/// <summary>An authentication use case refused the request with a Better Auth error code.</summary>
public sealed class AuthException(AuthError error) : RefusedException(error.Message)
{
    public AuthError Error { get; } = error;
}
