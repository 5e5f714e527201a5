using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.SignIn;

/// <summary>Exchange email and password for a new session.</summary>
public sealed record SignInCommand(string? Email, string? Password, bool RememberMe, ClientInfo Client)
    : ICommand<AuthSession>, ISensitiveRequest;
