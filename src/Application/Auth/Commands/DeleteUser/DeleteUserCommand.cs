using Mediator;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Auth.Commands.DeleteUser;

/// <summary>
/// Delete the caller's account: the user, their credential, their sessions and reset links. It needs the password, or
/// without one a session younger than <c>Auth:FreshAge</c> (Better Auth's rule). The revocation feed carries a user-wide
/// record marked as a deletion, so the API refuses the user's tokens and forgets their todos within seconds.
/// </summary>
public sealed record DeleteUserCommand(string? SessionToken, string? Password) : ICommand, ISensitiveRequest
{
    /// <summary>
    /// How long the deletion stays in the revocation feed: an API instance that was down for less than this still
    /// forgets the user when it comes back.
    /// </summary>
    public static readonly TimeSpan FeedRetention = TimeSpan.FromDays(7);
}
