using TodoClean.Application.Auth.Commands.ChangePassword;
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
}
