using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.SignUp;

/// <summary>Create an account with email and password, and sign it in.</summary>
public sealed record SignUpCommand(
    string? Name, string? Email, string? Password, string? Image, bool RememberMe, ClientInfo Client)
    : ICommand<AuthSession>, ISensitiveRequest;
