using TodoClean.Domain.Exceptions;

namespace TodoClean.Application.Common.Exceptions;

/// <summary>The client's copy is stale: someone changed the resource since the version it sent.</summary>
public sealed class PreconditionFailedException(string message) : RefusedException(message);
