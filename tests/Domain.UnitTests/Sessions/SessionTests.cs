using TodoClean.Domain.Sessions;
using TodoClean.TestCommon;

namespace TodoClean.Domain.UnitTests.Sessions;

public sealed class SessionTests
{
    private static readonly DateTime Now = Entities.Now;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan UpdateAge = TimeSpan.FromDays(1);

    [Fact]
    public void Start_WhenValid_ShouldExpireOneLifetimeFromNow()
    {
        var session = Session.Start(
            "session-1", "token-hash", "user-1", Now, Lifetime, rememberMe: true, "203.0.113.7", "Firefox");

        session.Id.Should().Be("session-1");
        session.TokenHash.Should().Be("token-hash");
        session.UserId.Should().Be("user-1");
        session.CreatedAt.Should().Be(Now);
        session.UpdatedAt.Should().Be(Now);
        session.ExpiresAt.Should().Be(Now + Lifetime);
        session.RememberMe.Should().BeTrue();
        session.IpAddress.Should().Be("203.0.113.7");
        session.UserAgent.Should().Be("Firefox");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Start_WhenLifetimeIsNotPositive_ShouldThrow(int seconds)
    {
        var act = () => Entities.Session(lifetime: TimeSpan.FromSeconds(seconds));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lifetime");
    }

    [Fact]
    public void Start_WhenTimeIsNotUtc_ShouldThrow()
    {
        var act = () => Entities.Session(now: DateTime.SpecifyKind(Now, DateTimeKind.Local));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Start_WhenClientInfoIsMissing_ShouldStoreEmptyStrings()
    {
        var session = Entities.Session(ipAddress: null, userAgent: null);

        session.IpAddress.Should().BeEmpty();
        session.UserAgent.Should().BeEmpty();
    }

    [Fact]
    public void Start_WhenClientInfoIsTooLong_ShouldTruncateItToTheColumnLimits()
    {
        var userAgent = new string('u', Session.MaxUserAgentLength + 10);
        var ipAddress = new string('1', Session.MaxIpAddressLength + 10);

        var session = Entities.Session(ipAddress: ipAddress, userAgent: userAgent);

        session.UserAgent.Should().Be(userAgent[..Session.MaxUserAgentLength]);
        session.IpAddress.Should().Be(ipAddress[..Session.MaxIpAddressLength]);
    }

    [Fact]
    public void IsExpired_WhenBeforeExpiry_ShouldBeFalse()
    {
        var session = Entities.Session(lifetime: Lifetime);

        session.IsExpired(Now + Lifetime - TimeSpan.FromSeconds(1)).Should().BeFalse();
    }

    [Fact]
    public void IsExpired_WhenAtOrAfterExpiry_ShouldBeTrue()
    {
        var session = Entities.Session(lifetime: Lifetime);

        session.IsExpired(Now + Lifetime).Should().BeTrue();
        session.IsExpired(Now + Lifetime + TimeSpan.FromSeconds(1)).Should().BeTrue();
    }

    [Fact]
    public void TryRenew_WhenUpdateAgeHasNotPassed_ShouldKeepTheExpiry()
    {
        var session = Entities.Session(lifetime: Lifetime, rememberMe: true);

        var renewed = session.TryRenew(Now + UpdateAge - TimeSpan.FromSeconds(1), Lifetime, UpdateAge);

        renewed.Should().BeFalse();
        session.ExpiresAt.Should().Be(Now + Lifetime);
        session.UpdatedAt.Should().Be(Now);
    }

    [Fact]
    public void TryRenew_WhenUpdateAgeHasPassed_ShouldPushExpiryAFullLifetimeFromNow()
    {
        var session = Entities.Session(lifetime: Lifetime, rememberMe: true);
        var later = Now + UpdateAge + TimeSpan.FromHours(1);

        var renewed = session.TryRenew(later, Lifetime, UpdateAge);

        renewed.Should().BeTrue();
        session.ExpiresAt.Should().Be(later + Lifetime);
        session.UpdatedAt.Should().Be(later);
        session.CreatedAt.Should().Be(Now);
    }

    [Fact]
    public void TryRenew_WhenExactlyUpdateAgeHasPassed_ShouldRenew()
    {
        var session = Entities.Session(lifetime: Lifetime, rememberMe: true);

        session.TryRenew(Now + UpdateAge, Lifetime, UpdateAge).Should().BeTrue();
    }

    [Fact]
    public void TryRenew_WhenJustRenewed_ShouldWaitAnotherUpdateAgeBeforeRenewingAgain()
    {
        var session = Entities.Session(lifetime: Lifetime, rememberMe: true);
        var firstRenewal = Now + UpdateAge;
        session.TryRenew(firstRenewal, Lifetime, UpdateAge);

        var tooSoon = session.TryRenew(firstRenewal + UpdateAge - TimeSpan.FromSeconds(1), Lifetime, UpdateAge);
        var onTime = session.TryRenew(firstRenewal + UpdateAge, Lifetime, UpdateAge);

        tooSoon.Should().BeFalse();
        onTime.Should().BeTrue();
        session.ExpiresAt.Should().Be(firstRenewal + UpdateAge + Lifetime);
    }

    [Fact]
    public void TryRenew_WhenExpired_ShouldNotRevive()
    {
        var session = Entities.Session(lifetime: Lifetime, rememberMe: true);

        var renewed = session.TryRenew(Now + Lifetime, Lifetime, UpdateAge);

        renewed.Should().BeFalse();
        session.ExpiresAt.Should().Be(Now + Lifetime);
    }

    [Fact]
    public void TryRenew_WhenNotRememberMe_ShouldNeverExtend()
    {
        var shortLifetime = TimeSpan.FromDays(1);
        var session = Entities.Session(lifetime: shortLifetime, rememberMe: false);

        var renewed = session.TryRenew(Now + TimeSpan.FromHours(23), shortLifetime, TimeSpan.FromHours(1));

        renewed.Should().BeFalse();
        session.ExpiresAt.Should().Be(Now + shortLifetime);
    }
}
