using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.RevokeOtherSessions;

/// <summary>End every session of the caller except the current one ("sign out my other devices").</summary>
public sealed record RevokeOtherSessionsCommand(string? SessionToken) : ICommand, ISensitiveRequest;
