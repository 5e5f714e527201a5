using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Auth.Commands.EnableTwoFactor;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.SubcutaneousTests.TestSupport;

namespace TodoClean.Application.SubcutaneousTests.Auth.Commands.EnableTwoFactor;

public sealed class EnableTwoFactorCommandHandlerTests : TwoFactorTestBase
{
    [Fact]
    public async Task Handle_WhenPasswordIsRight_ShouldReturnAUriAndTenCodesAndStoreNeitherInTheClear()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);

        var result = await SendAsync(new EnableTwoFactorCommand(session, Password, "Acme"));

        result.TotpUri.Should().StartWith("otpauth://totp/Acme:alice%40example.com?").And.Contain("issuer=Acme");
        result.BackupCodes.Should().HaveCount(10).And.OnlyHaveUniqueItems()
            .And.AllSatisfy(c => c.Should().MatchRegex("^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$"));
        await using var db = AuthDb();
        var stored = await db.TwoFactors.SingleAsync();
        stored.Verified.Should().BeFalse();
        stored.ProtectedSecret.Should().NotContain(SecretOf(result.TotpUri));
        stored.BackupCodeHashes.Should().NotContainAny(result.BackupCodes);
        (await db.Users.SingleAsync()).TwoFactorEnabled.Should().BeFalse("two-factor is on only after a first code");
    }

    [Fact]
    public async Task Handle_WhenPasswordIsWrong_ShouldThrowInvalidPasswordAndStoreNothing()
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);

        var act = () => SendAsync(new EnableTwoFactorCommand(session, "wrong password", null));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.InvalidPassword);
        await using var db = AuthDb();
        (await db.TwoFactors.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenThereIsNoSession_ShouldThrowUnauthorized()
    {
        await SeedAuthUserAsync();

        var act = () => SendAsync(new EnableTwoFactorCommand("no-such-session", Password, null));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.Unauthorized);
    }

    [Fact]
    public async Task Handle_WhenEnrolmentIsUnconfirmed_ShouldReplaceTheSecret()
    {
        var enrolled = await EnrolAsync(confirm: false);

        var again = await SendAsync(new EnableTwoFactorCommand(enrolled.Session, Password, null));

        SecretOf(again.TotpUri).Should().NotBe(enrolled.Secret);
        await using var db = AuthDb();
        (await db.TwoFactors.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenTwoFactorIsAlreadyOn_ShouldThrowTotpAlreadyEnabled()
    {
        var enrolled = await EnrolAsync();

        var act = () => SendAsync(new EnableTwoFactorCommand(enrolled.Session, Password, null));

        (await act.Should().ThrowAsync<AuthException>()).Which.Error.Should().Be(AuthErrors.TotpAlreadyEnabled);
    }

    [Theory]
    [InlineData("Acme: Dev")]
    [InlineData("Ünïcødé & Co?=#")]
    [InlineData("   ")]
    public async Task Handle_WhenTheIssuerHasAnyText_ShouldStillReturnAParsableUri(string issuer)
    {
        var user = await SeedAuthUserAsync();
        var session = await SeedSessionAsync(user.Id);

        var result = await SendAsync(new EnableTwoFactorCommand(session, Password, issuer));

        SecretOf(result.TotpUri).Should().MatchRegex("^[A-Z2-7]+$");
    }
}
