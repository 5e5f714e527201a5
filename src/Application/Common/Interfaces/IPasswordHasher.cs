namespace TodoClean.Application.Common.Interfaces;

/// <summary>Slow, salted password hashing with bounded concurrency.</summary>
public interface IPasswordHasher
{
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="hash"/>. With a null hash (unknown user) it
    /// still does the full work against a dummy hash and fails, so timing does not reveal which accounts exist.
    /// </summary>
    ValueTask<PasswordCheck> VerifyAsync(string? hash, string password, CancellationToken cancellationToken);
}

public enum PasswordCheck
{
    Failed,
    Success,

    /// <summary>Correct, but hashed with weaker parameters than today's: store a fresh hash.</summary>
    SuccessRehashNeeded,
}
