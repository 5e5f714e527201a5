using Mediator;

namespace TodoClean.Application.Users.Commands.ForgetUser;

/// <summary>
/// The todo API forgets a user whose account was deleted at the gateway: their todos and their mirror row. Idempotent —
/// every API instance does it when it reads the deletion in the revocation feed, some more than once. Returns how many
/// todos went.
/// </summary>
public sealed record ForgetUserCommand(string UserId) : ICommand<int>;
