using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.RevokeSessions;

/// <summary>End every session of the caller, the current one included ("sign out everywhere").</summary>
public sealed record RevokeSessionsCommand(string? SessionToken) : ICommand, ISensitiveRequest;
