using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.Common.Security;
using TodoClean.Domain.TwoFactor;

namespace TodoClean.Application.Auth.Common;

/// <summary>
/// The second step of a sign-in, shared by the TOTP and backup-code checks: who is verifying (a signed-in user confirming
/// an enrolment, or a sign-in challenge), the attempt caps, and the session at the end. Challenges and trusted devices
/// are stored as hashes of the tokens their cookies carry, like sessions.
/// </summary>
internal sealed class TwoFactorSignIn(IAuthDbContext db, SessionStore sessions, IOptions<SessionOptions> options)
{
    /// <summary>Consecutive failed sign-in verifications that lock the second factor (Better Auth's default).</summary>
    public const int MaxFailedVerifications = 10;

    /// <summary>How long the lock lasts (Better Auth's default, 15 minutes).</summary>
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    private readonly SessionOptions _options = options.Value;

    public DateTime Now => sessions.Now;

    /// <summary>Adds a challenge for <paramref name="userId"/> (not yet saved) and returns its raw token.</summary>
    public string StartChallenge(string userId, bool rememberMe)
    {
        var token = SecureIds.NewSessionToken();
        db.TwoFactorChallenges.Add(TwoFactorChallenge.Start(
            SecureIds.NewId(), SecureIds.HashToken(token), userId, rememberMe, Now, _options.TwoFactorChallengeLifetime));
        return token;
    }

    /// <summary>Adds a trusted device for <paramref name="userId"/> (not yet saved) and returns its raw token.</summary>
    public string TrustDevice(string userId)
    {
        var token = SecureIds.NewSessionToken();
        db.TrustedDevices.Add(TrustedDevice.Trust(
            SecureIds.NewId(), SecureIds.HashToken(token), userId, Now, _options.TrustedDeviceLifetime));
        return token;
    }

    /// <summary>
    /// Whether <paramref name="token"/> is a live trusted device of <paramref name="userId"/>. A device is used once: a
    /// valid one is deleted here, and the caller trusts the device again with a new token.
    /// </summary>
    public async Task<bool> RedeemTrustedDeviceAsync(string userId, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var hash = SecureIds.HashToken(token);
        var now = Now;
        return await db.TrustedDevices
            .Where(d => d.TokenHash == hash && d.UserId == userId && d.ExpiresAt > now)
            .ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Who is verifying: the live session behind <paramref name="sessionToken"/> (enrolment, or a signed-in user), else the
    /// live challenge behind <paramref name="challengeToken"/>; Better Auth's 401 INVALID_TWO_FACTOR_COOKIE when neither.
    /// </summary>
    public async Task<TwoFactorAttempt> BeginAsync(string? sessionToken, string? challengeToken, CancellationToken cancellationToken)
    {
        if (await sessions.FindLiveAsync(sessionToken, cancellationToken) is { } session)
        {
            return new TwoFactorAttempt(session.User.Id, session, null, session.RememberMe);
        }

        if (string.IsNullOrEmpty(challengeToken))
        {
            throw new AuthException(AuthErrors.InvalidTwoFactorCookie);
        }

        var hash = SecureIds.HashToken(challengeToken);
        var now = Now;
        var challenge = await db.TwoFactorChallenges.AsNoTracking()
                .Where(c => c.TokenHash == hash && c.ExpiresAt > now)
                .Select(c => new { c.Id, c.UserId, c.RememberMe })
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AuthException(AuthErrors.InvalidTwoFactorCookie);
        return new TwoFactorAttempt(challenge.UserId, null, challenge.Id, challenge.RememberMe);
    }

    /// <summary>
    /// For a sign-in: refuses a locked second factor, then takes one of the challenge's attempts in one conditional
    /// statement (so parallel guesses cannot share an attempt). Once they are used up the challenge ends:
    /// TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE, and the next request finds no challenge.
    /// </summary>
    public async Task ReserveAttemptAsync(TwoFactorAttempt attempt, TwoFactorSecret enrolment, CancellationToken cancellationToken)
    {
        if (attempt.ChallengeId is not { } id)
        {
            return;
        }

        var now = Now;
        if (enrolment.IsLocked(now))
        {
            throw new AuthException(AuthErrors.AccountTemporarilyLocked);
        }

        var taken = await db.TwoFactorChallenges
            .Where(c => c.Id == id && c.Attempts < TwoFactorChallenge.MaxAttempts && c.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        if (taken == 1)
        {
            return;
        }

        var spent = await db.TwoFactorChallenges
            .Where(c => c.Id == id && c.Attempts >= TwoFactorChallenge.MaxAttempts)
            .ExecuteDeleteAsync(cancellationToken);
        throw new AuthException(spent > 0 ? AuthErrors.TooManyAttemptsRequestNewCode : AuthErrors.InvalidTwoFactorCookie);
    }

    /// <summary>Counts a failed sign-in verification; the <see cref="MaxFailedVerifications"/>th in a row locks the factor.</summary>
    public async Task RecordFailureAsync(TwoFactorAttempt attempt, string enrolmentId, CancellationToken cancellationToken)
    {
        if (!attempt.IsSignIn)
        {
            return;
        }

        await db.TwoFactors.Where(t => t.Id == enrolmentId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts + 1), cancellationToken);
        var lockedUntil = Now + LockDuration;
        await db.TwoFactors.Where(t => t.Id == enrolmentId && t.FailedAttempts >= MaxFailedVerifications)
            .ExecuteUpdateAsync(
                set => set.SetProperty(t => t.LockedUntil, lockedUntil).SetProperty(t => t.FailedAttempts, 0),
                cancellationToken);
    }

    /// <summary>
    /// The code was right: for a sign-in, ends the challenge (exactly one request can) and starts the session, trusting the
    /// device when asked; for a signed-in user, returns the current session with the user as stored now.
    /// </summary>
    public async Task<TwoFactorVerified> CompleteAsync(
        TwoFactorAttempt attempt, bool trustDevice, ClientInfo client, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == attempt.UserId, cancellationToken);
        var userDto = UserDto.From(user);
        if (attempt.ChallengeId is not { } id)
        {
            return new TwoFactorVerified(attempt.Session! with { User = userDto }, Started: false, TrustedDeviceToken: null);
        }

        await db.TwoFactors.Where(t => t.UserId == attempt.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.FailedAttempts, 0).SetProperty(t => t.LockedUntil, (DateTime?)null), cancellationToken);
        if (await db.TwoFactorChallenges.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            throw new AuthException(AuthErrors.InvalidTwoFactorCookie);
        }

        var session = sessions.Start(userDto, attempt.RememberMe, client);
        var trusted = trustDevice ? TrustDevice(user.Id) : null;
        await db.SaveChangesAsync(cancellationToken);
        return new TwoFactorVerified(session, Started: true, trusted);
    }
}

/// <summary>One verification in progress: by a signed-in user (<see cref="Session"/>) or for a sign-in challenge.</summary>
internal sealed record TwoFactorAttempt(string UserId, AuthSession? Session, string? ChallengeId, bool RememberMe)
{
    public bool IsSignIn => ChallengeId is not null;
}
