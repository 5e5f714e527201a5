namespace TodoClean.Application.Auth.Common;

/// <summary>The auth store's read side for sessions: plain lookups, nothing tracked.</summary>
public interface ISessionQueries
{
    /// <summary>The session whose token hashes to <paramref name="tokenHash"/>, with its user; expired ones included.</summary>
    Task<ActiveSession?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary><paramref name="userId"/>'s sessions that are still live at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<SessionRecord>> ListLiveAsync(string userId, DateTime now, CancellationToken cancellationToken);
}
