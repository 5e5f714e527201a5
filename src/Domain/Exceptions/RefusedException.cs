namespace TodoClean.Domain.Exceptions;

/// <summary>
/// Base of every exception that refuses what the caller asked for — invalid input, a missing or stale resource, a failed
/// sign-in, too many attempts — rather than reporting a fault. The hosts answer it with a 4xx and never log it as an error;
/// any other exception is a fault (a logged 500).
/// </summary>
public abstract class RefusedException(string message) : Exception(message);
