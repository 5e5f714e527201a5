namespace TodoClean.Application.Auth.Common;

/// <summary>
/// A second factor was accepted. <see cref="Started"/>: the session is new (a sign-in finished) and its cookie must be
/// written; <see cref="TrustedDeviceToken"/>: the raw token of the device now trusted, for its cookie.
/// </summary>
public sealed record TwoFactorVerified(AuthSession Session, bool Started, string? TrustedDeviceToken);
