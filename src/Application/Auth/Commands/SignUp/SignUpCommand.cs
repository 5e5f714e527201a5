using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.SignUp;

/// <summary>
/// Create an account with email and password, and sign it in. With <c>Auth:RequireEmailVerification</c> nobody is signed
/// in (no session), and a taken address gets the same kind of answer as a new one — a user that was never stored — instead
/// of 422, as Better Auth does, so sign-up does not tell strangers which addresses have accounts.
/// </summary>
public sealed record SignUpCommand(
    string? Name, string? Email, string? Password, string? Image, bool RememberMe, ClientInfo Client)
    : ICommand<SignUpResult>, ISensitiveRequest;

/// <summary>The user (as stored, or the stand-in for a taken address), the session when signed in, and whether an account was made.</summary>
public sealed record SignUpResult(UserDto User, AuthSession? Session, bool Created);
