using TodoClean.Application.Users.Queries.GetMe;

namespace TodoClean.Application.Users.Common;

/// <summary>The todo store's read side for its mirror of users.</summary>
public interface IUserQueries
{
    /// <summary>The mirrored user <paramref name="id"/> (the gateway's id), or null before their first call.</summary>
    Task<MeDto?> FindAsync(string id, CancellationToken cancellationToken);
}
