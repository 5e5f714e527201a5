namespace TodoClean.Application.Auth.Common;

/// <summary>
/// A live session with its user. <see cref="Token"/> is the raw bearer token, known only to the client and
/// to this response; <see cref="RememberMe"/> and <see cref="Renewed"/> tell the host how to (re)write the cookie.
/// </summary>
public sealed record AuthSession(string Token, SessionDto Session, UserDto User, bool RememberMe, bool Renewed = false);
