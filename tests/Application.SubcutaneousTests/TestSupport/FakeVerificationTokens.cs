using System.Collections.Concurrent;
using TodoClean.Application.Auth.Common;

namespace TodoClean.Application.SubcutaneousTests.TestSupport;

/// <summary>Verification tokens without cryptography: each issued token is remembered with what it says and its expiry.</summary>
public sealed class FakeVerificationTokens(TimeProvider clock) : IEmailVerificationTokens
{
    private readonly ConcurrentDictionary<string, (string Email, string UserId, DateTimeOffset ExpiresAt)> _issued = new();

    public int IssuedCount => _issued.Count;

    public string Issue(string email, string userId, TimeSpan lifetime)
    {
        var token = $"vt-{Guid.NewGuid():N}";
        _issued[token] = (email, userId, clock.GetUtcNow() + lifetime);
        return token;
    }

    public Task<EmailVerificationToken> ReadAsync(string? token) => Task.FromResult(
        token is null || !_issued.TryGetValue(token, out var issued) ? new EmailVerificationToken(EmailVerificationTokenState.Invalid)
        : clock.GetUtcNow() >= issued.ExpiresAt ? new EmailVerificationToken(EmailVerificationTokenState.Expired)
        : new EmailVerificationToken(EmailVerificationTokenState.Valid, issued.Email, issued.UserId));
}
