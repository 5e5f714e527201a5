using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.IssueToken;

/// <summary>Mint a short-lived JWT for the live session behind <see cref="SessionToken"/> (the silent-refresh call).</summary>
public sealed record IssueTokenCommand(string? SessionToken) : ICommand<AccessToken>, ISensitiveRequest;
