namespace TodoClean.Infrastructure.Security.Revocation;

/// <summary>
/// Configuration section <c>Revocation</c>: how the API learns which JWTs were revoked before they expire (sign-out,
/// revoked devices, a changed password). The gateway publishes the revocations at <c>/internal/revocations</c>; each
/// API instance polls it and refuses those tokens from memory, without a call on the request path.
/// </summary>
public sealed class RevocationOptions
{
    public const string SectionName = "Revocation";

    /// <summary>The name of the HTTP client the API polls the feed with (tests give it an in-process handler).</summary>
    public const string HttpClientName = "revocation-feed";

    /// <summary>The gateway's base URL the API polls (e.g. <c>http://localhost:5100</c>). Unset: the API follows no feed.</summary>
    public string? FeedUrl { get; set; }

    /// <summary>How often the API asks for new revocations.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a starting API waits for the first answer of the feed before it serves anyway (then /health says Degraded).</summary>
    public TimeSpan StartupWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After this long without an answer the feed counts as unreachable (Degraded in /health, a warning in the log).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The key both hosts use for the feed (at least 32 bytes). Unset: derived from the shared JWT secret, so nothing
    /// more has to be configured when the hosts share one.
    /// </summary>
    public string? FeedSecret { get; set; }
}
