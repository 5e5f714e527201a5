namespace TodoClean.Application.Auth.Queries.CheckPasswordResetToken;

/// <summary>The auth store's read side for password-reset links.</summary>
public interface IPasswordResetQueries
{
    /// <summary>Whether a reset token hashing to <paramref name="tokenHash"/> exists and is unexpired at <paramref name="now"/>.</summary>
    Task<bool> IsLiveAsync(string tokenHash, DateTime now, CancellationToken cancellationToken);
}
