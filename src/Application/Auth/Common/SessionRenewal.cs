namespace TodoClean.Application.Auth.Common;

/// <summary>
/// The session this request renewed (sliding expiry), if any. Better Auth renews a session in use on every endpoint that
/// reads it and re-sends its cookie with the new expiry; the gateway does the latter once, for every endpoint, from here.
/// One per request (scoped).
/// </summary>
public sealed class SessionRenewal
{
    public AuthSession? Renewed { get; private set; }

    internal void Record(AuthSession session) => Renewed = session;
}
