using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.IssueToken;

/// <summary>
/// Mint a short-lived JWT for the live session behind <see cref="SessionToken"/> (the silent-refresh call). Using the
/// session renews it when due, unless <see cref="DisableRefresh"/>.
/// </summary>
public sealed record IssueTokenCommand(string? SessionToken, bool DisableRefresh = false) : ICommand<AccessToken>, ISensitiveRequest;
