namespace TodoClean.Application.Common.Exceptions;

/// <summary>How an authentication error is classified; hosts map each kind to an HTTP status.</summary>
public enum AuthErrorKind
{
    BadRequest,
    Unauthorized,
    Forbidden,
    Unprocessable,
    TooManyRequests,
}

/// <summary>A Better Auth error: a stable machine code and a human message.</summary>
public sealed record AuthError(string Code, string Message, AuthErrorKind Kind);
