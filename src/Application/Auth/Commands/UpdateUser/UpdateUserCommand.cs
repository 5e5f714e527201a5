using Mediator;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.UpdateUser;

/// <summary>
/// Change the caller's profile: <see cref="Name"/> and/or <see cref="Image"/> (null = leave as is). The email cannot be
/// changed here (<see cref="EmailGiven"/> → EMAIL_CAN_NOT_BE_UPDATED). Returns the session, whose cookie is re-sent.
/// </summary>
public sealed record UpdateUserCommand(string? SessionToken, string? Name, string? Image, bool EmailGiven = false)
    : ICommand<AuthSession>, ISensitiveRequest;
