using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.SignOut;

/// <summary>End the session behind <see cref="SessionToken"/>, if any. Signing out with no session still succeeds.</summary>
public sealed record SignOutCommand(string? SessionToken) : ICommand<bool>, ISensitiveRequest;
