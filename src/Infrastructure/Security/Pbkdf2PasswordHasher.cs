using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TodoClean.Application.Common.Interfaces;
using IdentityHasher = Microsoft.AspNetCore.Identity.PasswordHasher<object>;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// ASP.NET Core Identity's PBKDF2-HMAC-SHA512 hasher (V3 format: salt and iteration count live in the hash, so
/// raising <see cref="PasswordHashingOptions.Iterations"/> keeps old hashes valid and re-hashes them on sign-in).
/// </summary>
internal sealed class Pbkdf2PasswordHasher : IPasswordHasher, IDisposable
{
    private static readonly object User = new();
    private readonly IdentityHasher _hasher;
    private readonly SemaphoreSlim _gate;
    private readonly Lazy<string> _dummyHash;

    public Pbkdf2PasswordHasher(IOptions<PasswordHashingOptions> options)
    {
        var settings = options.Value;
        _hasher = new IdentityHasher(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = settings.Iterations,
        }));
        _gate = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(User, Guid.NewGuid().ToString()));
    }

    public async ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _hasher.HashPassword(User, password);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<PasswordCheck> VerifyAsync(string? hash, string password, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var result = _hasher.VerifyHashedPassword(User, hash ?? _dummyHash.Value, password);
            return hash is null ? PasswordCheck.Failed : result switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Success,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
                _ => PasswordCheck.Failed,
            };
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
