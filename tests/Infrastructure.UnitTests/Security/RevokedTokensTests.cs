using Microsoft.Extensions.Time.Testing;
using TodoClean.Application.Auth.Queries.GetRevocations;
using TodoClean.Infrastructure.Security.Revocation;

namespace TodoClean.Infrastructure.UnitTests.Security;

/// <summary>The API's memory of revoked tokens: exact, idempotent, and only as large as one token lifetime.</summary>
public sealed class RevokedTokensTests
{
    private static readonly DateTime Start = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RevokedTokens _revoked;

    public RevokedTokensTests() => _revoked = new RevokedTokens(_clock);

    private static RevocationFeed Feed(long cursor, params RevocationEntry[] entries) => new(entries, cursor, More: false);

    [Fact]
    public void IsRevoked_WhenTheSessionEnded_ShouldRefuseItsTokensOnly()
    {
        _revoked.Apply(Feed(1, new RevocationEntry(1, "session-a", "user-1", null, Start.AddMinutes(15))));

        _revoked.IsRevoked("session-a", "user-1", Start.AddMinutes(-1)).Should().BeTrue();
        _revoked.IsRevoked("session-b", "user-1", Start.AddMinutes(-1)).Should().BeFalse("another device of the same user");
    }

    [Fact]
    public void IsRevoked_WhenAllTokensOfTheUserWereRevoked_ShouldRefuseOnlyThoseIssuedBefore()
    {
        _revoked.Apply(Feed(1, new RevocationEntry(1, null, "user-1", Start, Start.AddMinutes(15))));

        _revoked.IsRevoked("any-session", "user-1", Start.AddSeconds(-1)).Should().BeTrue();
        _revoked.IsRevoked("any-session", "user-1", Start.AddSeconds(1)).Should().BeFalse("issued after the record");
        _revoked.IsRevoked("any-session", "user-2", Start.AddSeconds(-1)).Should().BeFalse();
    }

    [Fact]
    public void Apply_WhenTheSameRecordsComeAgain_ShouldChangeNothingAndKeepTheCursor()
    {
        var entry = new RevocationEntry(7, "session-a", "user-1", null, Start.AddMinutes(15));
        _revoked.Apply(Feed(7, entry));

        _revoked.Apply(Feed(7, entry));

        _revoked.Count.Should().Be(1);
        _revoked.Cursor.Should().Be(7);
    }

    [Fact]
    public void Apply_WhenOldRecordsTokensHaveExpired_ShouldDropThem()
    {
        _revoked.Apply(Feed(1, new RevocationEntry(1, "old", "user-1", null, Start.AddMinutes(15))));
        _clock.Advance(TimeSpan.FromMinutes(20));

        _revoked.Apply(Feed(2, new RevocationEntry(2, "new", "user-1", null, _clock.GetUtcNow().UtcDateTime.AddMinutes(15))));

        _revoked.Count.Should().Be(1);
        _revoked.IsRevoked("new", "user-1", Start).Should().BeTrue();
    }
}
