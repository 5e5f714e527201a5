namespace TodoClean.Application.Common.Exceptions;

/// <summary>The caller (an address or an account) used up its attempts; it may retry after <see cref="RetryAfter"/>.</summary>
public sealed class TooManyRequestsException(TimeSpan retryAfter)
    : Exception("Too many requests. Please try again later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter;
}
