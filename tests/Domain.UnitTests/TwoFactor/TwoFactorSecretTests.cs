using TodoClean.Domain.TwoFactor;
using TodoClean.TestCommon;

namespace TodoClean.Domain.UnitTests.TwoFactor;

public sealed class TwoFactorSecretTests
{
    private static readonly DateTime Now = Entities.Now;

    [Fact]
    public void Create_WhenValid_ShouldStartUnverifiedWithItsCodes()
    {
        var secret = TwoFactorSecret.Create("tf-1", "user-1", "protected", ["h1", "h2"], Now);

        secret.Verified.Should().BeFalse();
        secret.BackupCodeHashList().Should().Equal("h1", "h2");
        secret.LastUsedStep.Should().BeNull();
        secret.IsLocked(Now).Should().BeFalse();
    }

    [Fact]
    public void Create_WhenTheSecretIsEmpty_ShouldThrow()
    {
        var act = () => TwoFactorSecret.Create("tf-1", "user-1", " ", ["h1"], Now);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Restart_WhenCalled_ShouldReplaceSecretAndCodesAndClearTheState()
    {
        var secret = TwoFactorSecret.Create("tf-1", "user-1", "old", ["h1"], Now);

        secret.Restart("new", ["h2", "h3"], Now.AddMinutes(1));

        secret.ProtectedSecret.Should().Be("new");
        secret.BackupCodeHashList().Should().Equal("h2", "h3");
        secret.Verified.Should().BeFalse();
        secret.UpdatedAt.Should().Be(Now.AddMinutes(1));
    }

    [Fact]
    public void Create_WhenTheTimeIsNotUtc_ShouldThrow()
    {
        var act = () => TwoFactorSecret.Create("tf-1", "user-1", "protected", [], DateTime.SpecifyKind(Now, DateTimeKind.Local));

        act.Should().Throw<ArgumentException>();
    }
}
