using TodoClean.Domain.Sessions;
using TodoClean.Domain.Users;

namespace TodoClean.Domain.UnitTests.Users;

public sealed class PasswordResetTokenTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Issue_ShouldLiveExactlyItsLifetime()
    {
        var token = PasswordResetToken.Issue("hash", "user-1", Now, TimeSpan.FromHours(1));

        token.ExpiresAt.Should().Be(Now.AddHours(1));
        token.IsLiveAt(Now.AddMinutes(59)).Should().BeTrue();
        token.IsLiveAt(Now.AddHours(1)).Should().BeFalse();
    }

    [Fact]
    public void Issue_WithoutALifetimeOrOwner_ShouldThrow()
    {
        var noLifetime = () => PasswordResetToken.Issue("hash", "user-1", Now, TimeSpan.Zero);
        var noUser = () => PasswordResetToken.Issue("hash", " ", Now, TimeSpan.FromHours(1));

        noLifetime.Should().Throw<ArgumentOutOfRangeException>();
        noUser.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void DeletedUserRecord_ShouldBeUserWideAndStayAtLeastTheRetention()
    {
        var record = SessionRevocation.ForDeletedUser("user-1", Now, TimeSpan.FromMinutes(15), TimeSpan.FromDays(7));

        record.SessionId.Should().BeNull();
        record.UserDeleted.Should().BeTrue();
        record.IssuedBefore.Should().Be(Now);
        record.ExpiresAt.Should().Be(Now.AddDays(7));
    }

    [Fact]
    public void MarkEmailVerified_ShouldChangeOnlyOnce()
    {
        var user = User.Create("user-1", "alice@example.com", "Alice", image: null, Now);

        user.MarkEmailVerified(Now.AddMinutes(1)).Should().BeTrue();
        user.MarkEmailVerified(Now.AddMinutes(2)).Should().BeFalse();
        user.EmailVerified.Should().BeTrue();
        user.UpdatedAt.Should().Be(Now.AddMinutes(1));
    }
}
