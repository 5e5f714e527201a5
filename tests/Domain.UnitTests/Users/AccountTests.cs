using TodoClean.Domain.Users;
using TodoClean.TestCommon;

namespace TodoClean.Domain.UnitTests.Users;

public sealed class AccountTests
{
    private static readonly DateTime Now = Entities.Now;

    [Fact]
    public void CreateCredential_WhenValid_ShouldBeACredentialAccountForTheUser()
    {
        var account = Account.CreateCredential("acc-1", "user-1", "hash-1", Now);

        account.Id.Should().Be("acc-1");
        account.UserId.Should().Be("user-1");
        account.ProviderId.Should().Be(Account.CredentialProvider).And.Be("credential");
        account.AccountId.Should().Be("user-1");
        account.PasswordHash.Should().Be("hash-1");
        account.CreatedAt.Should().Be(Now);
        account.UpdatedAt.Should().Be(Now);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void CreateCredential_WhenHashIsBlank_ShouldThrow(string hash)
    {
        var act = () => Entities.CredentialAccount(passwordHash: hash);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void CreateCredential_WhenTimeIsNotUtc_ShouldThrow()
    {
        var act = () => Entities.CredentialAccount(now: new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Unspecified));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ChangePasswordHash_WhenValid_ShouldReplaceTheHashAndStampUpdatedAt()
    {
        var account = Entities.CredentialAccount();
        var later = Now.AddDays(1);

        account.ChangePasswordHash("hash-2", later);

        account.PasswordHash.Should().Be("hash-2");
        account.UpdatedAt.Should().Be(later);
        account.CreatedAt.Should().Be(Now);
    }

    [Fact]
    public void ChangePasswordHash_WhenHashIsBlank_ShouldThrowAndKeepTheOldHash()
    {
        var account = Entities.CredentialAccount(passwordHash: "hash-1");

        var act = () => account.ChangePasswordHash(" ", Now.AddDays(1));

        act.Should().Throw<ArgumentException>();
        account.PasswordHash.Should().Be("hash-1");
        account.UpdatedAt.Should().Be(Now);
    }
}
