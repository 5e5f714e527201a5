using TodoClean.Domain.Exceptions;

namespace TodoClean.Application.Common.Exceptions;

/// <summary>
/// A use case that needs an authenticated caller ran without one. Only this exception (and Better Auth's own
/// <see cref="AuthException"/>) becomes a 401: any other failure, an <see cref="UnauthorizedAccessException"/> from the
/// file system included, is a fault.
/// </summary>
public sealed class UnauthenticatedException() : RefusedException("The request has no authenticated caller.");
