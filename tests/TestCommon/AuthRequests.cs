using TodoClean.Application.Auth.Commands.ChangePassword;
using TodoClean.Application.Auth.Commands.DeleteUser;
using TodoClean.Application.Auth.Commands.RequestPasswordReset;
using TodoClean.Application.Auth.Commands.ResetPassword;
using TodoClean.Application.Auth.Commands.SendVerificationEmail;
using TodoClean.Application.Auth.Commands.SignIn;
using TodoClean.Application.Auth.Commands.SignUp;
using TodoClean.Application.Auth.Commands.UpdateUser;
using TodoClean.Application.Auth.Common;

namespace TodoClean.TestCommon;

/// <summary>
/// Auth commands with valid defaults: a test names only what it is about. The defaults are one user, Alice, whose
/// password is <see cref="Password"/>; the client is <see cref="ClientInfo.Unknown"/> unless one is given.
/// </summary>
public static class AuthRequests
{
    public const string Name = "Alice";
    public const string Email = "alice@example.com";
    public const string Password = "correct horse battery";
    public const string NewPassword = "new password 2";
    public const string SessionToken = "session-token";

    public static SignUpCommand SignUp(
        string? name = Name, string? email = Email, string? password = Password, string? image = null, bool rememberMe = true,
        ClientInfo? client = null) =>
        new(name, email, password, image, rememberMe, client ?? ClientInfo.Unknown);

    public static SignInCommand SignIn(
        string? email = Email, string? password = Password, bool rememberMe = true, ClientInfo? client = null) =>
        new(email, password, rememberMe, client ?? ClientInfo.Unknown);

    public static ChangePasswordCommand ChangePassword(
        string? sessionToken = SessionToken, string? currentPassword = Password, string? newPassword = NewPassword,
        bool revokeOtherSessions = false, ClientInfo? client = null) =>
        new(sessionToken, currentPassword, newPassword, revokeOtherSessions, client ?? ClientInfo.Unknown);

    /// <summary>A profile update that changes nothing unless <paramref name="name"/> or <paramref name="image"/> is given.</summary>
    public static UpdateUserCommand UpdateUser(
        string? sessionToken = SessionToken, string? name = null, string? image = null, bool emailGiven = false) =>
        new(sessionToken, name, image, emailGiven);

    public const string LinkBase = "https://auth.example.com/api/auth";

    public static RequestPasswordResetCommand RequestPasswordReset(string? email = Email, string callbackUrl = "/reset", ClientInfo? client = null) =>
        new(email, callbackUrl, LinkBase, client ?? ClientInfo.Unknown);

    public static ResetPasswordCommand ResetPassword(string? token, string? newPassword = NewPassword) => new(token, newPassword);

    public static SendVerificationEmailCommand SendVerificationEmail(
        string? email = Email, string? sessionToken = null, string callbackUrl = "/", ClientInfo? client = null) =>
        new(email, callbackUrl, LinkBase, sessionToken, client ?? ClientInfo.Unknown);

    public static DeleteUserCommand DeleteUser(string? sessionToken = SessionToken, string? password = Password) => new(sessionToken, password);
}
