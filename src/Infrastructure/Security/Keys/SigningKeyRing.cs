using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Infrastructure.Persistence.Auth;

namespace TodoClean.Infrastructure.Security.Keys;

/// <summary>
/// The gateway's asymmetric signing keys (<c>Jwt:Algorithm</c> ES256 or EdDSA). On start — and every few minutes, so
/// instances sharing a store converge — it reads the keys from the auth store, creates the first one (or the next one
/// once <c>Jwt:KeyRotationInterval</c> has passed), and keeps retired keys published for <c>Jwt:KeyGracePeriod</c>.
/// Private keys are stored encrypted with Data Protection and only ever held in memory decrypted; the published set holds
/// public JWKs only. In HS256 mode nothing is created, but keys still in their grace period stay published.
/// </summary>
public sealed class SigningKeyRing(
    IOptions<JwtOptions> options,
    IServiceScopeFactory scopes,
    IDataProtectionProvider dataProtection,
    TimeProvider timeProvider,
    ILogger<SigningKeyRing> logger) : BackgroundService
{
    public const string ProtectorPurpose = "TodoClean.Jwt.SigningKeys.v1";

    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = dataProtection.CreateProtector(ProtectorPurpose);
    private readonly JwtOptions _options = options.Value;
    private volatile Snapshot? _snapshot;
    private Task? _firstLoad;

    /// <summary>The key new tokens are signed with; null in HS256 mode.</summary>
    public SecurityKey? Current => Loaded.Current;

    /// <summary>The public JWKs to publish at <c>/api/auth/jwks</c>.</summary>
    public IReadOnlyList<JsonObject> Published => Loaded.Published;

    public bool IsAsymmetric => _options.Algorithm != JwtOptions.HmacAlgorithm;

    /// <summary>
    /// The keys as last loaded. The first load starts with the host and runs beside its start; a request that arrives
    /// before it finished waits for it (once, at start-up).
    /// </summary>
    private Snapshot Loaded => _snapshot ?? WaitForFirstLoad();

    private Snapshot WaitForFirstLoad()
    {
        (Volatile.Read(ref _firstLoad) ?? StartFirstLoad()).GetAwaiter().GetResult();
        return _snapshot!;
    }

    private Task StartFirstLoad()
    {
        var load = new Task<Task>(() => LoadAsync(CancellationToken.None));
        if (Interlocked.CompareExchange(ref _firstLoad, load.Unwrap(), null) is { } running)
        {
            return running;
        }

        load.Start(TaskScheduler.Default);
        return _firstLoad!;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await (Volatile.Read(ref _firstLoad) ?? StartFirstLoad());
        using var timer = new PeriodicTimer(ReloadInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await LoadAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or CryptographicException)
            {
                logger.LogWarning(e, "Could not reload the JWT signing keys; the current ones stay in use");
            }
        }
    }

    /// <summary>Reads the keys, retires and creates as the options say, and swaps in the new snapshot.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var now = timeProvider.GetUtcNow().UtcDateTime;

        var records = await db.JwtSigningKeys.ToListAsync(cancellationToken);
        foreach (var record in records.Where(r => r.RetiredAt is { } retired && retired + _options.KeyGracePeriod < now))
        {
            db.JwtSigningKeys.Remove(record);
        }

        var active = records.Where(r => r.RetiredAt is null).OrderByDescending(r => r.CreatedAt).ToList();
        var newest = active.FirstOrDefault(r => r.Algorithm == _options.Algorithm);
        if (IsAsymmetric && (newest is null || newest.CreatedAt + _options.KeyRotationInterval <= now))
        {
            newest = Create(now);
            db.JwtSigningKeys.Add(newest);
            logger.LogInformation("Created JWT signing key {KeyId} ({Algorithm})", newest.Id, newest.Algorithm);
        }

        foreach (var record in active.Where(r => r != newest))
        {
            record.RetiredAt = now;
            logger.LogInformation("Retired JWT signing key {KeyId}; published until {Until:O}", record.Id, now + _options.KeyGracePeriod);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Another instance may have created a key at the same moment: every instance signs with the newest one.
        var kept = await db.JwtSigningKeys.AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var signing = IsAsymmetric
            ? kept.FirstOrDefault(r => r.Algorithm == _options.Algorithm && r.RetiredAt is null)
            : null;
        _snapshot = new Snapshot(
            signing is null ? null : Unprotect(signing),
            kept.Select(r => JsonNode.Parse(r.PublicJwk)!.AsObject()).ToList());
    }

    private JwtSigningKeyRecord Create(DateTime now)
    {
        var id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        byte[] privateKey;
        JsonObject jwk;
        if (_options.Algorithm == Ed25519SecurityKey.Algorithm)
        {
            privateKey = Ed25519SecurityKey.CreatePrivateKey();
            var x = Ed25519SecurityKey.FromPrivateKey(privateKey, id).PublicKeyBytes;
            jwk = new JsonObject
            {
                ["kty"] = "OKP", ["crv"] = Ed25519SecurityKey.Curve, ["x"] = Base64UrlEncoder.Encode(x),
                ["kid"] = id, ["alg"] = Ed25519SecurityKey.Algorithm,
            };
        }
        else
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            privateKey = ec.ExportPkcs8PrivateKey();
            var q = ec.ExportParameters(includePrivateParameters: false).Q;
            jwk = new JsonObject
            {
                ["kty"] = "EC", ["crv"] = "P-256", ["x"] = Base64UrlEncoder.Encode(q.X!), ["y"] = Base64UrlEncoder.Encode(q.Y!),
                ["kid"] = id, ["alg"] = SecurityAlgorithms.EcdsaSha256,
            };
        }

        try
        {
            return new JwtSigningKeyRecord
            {
                Id = id,
                Algorithm = _options.Algorithm,
                PublicJwk = jwk.ToJsonString(),
                ProtectedPrivateKey = Convert.ToBase64String(_protector.Protect(privateKey)),
                CreatedAt = now,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private SecurityKey Unprotect(JwtSigningKeyRecord record)
    {
        var privateKey = _protector.Unprotect(Convert.FromBase64String(record.ProtectedPrivateKey));
        try
        {
            if (record.Algorithm == Ed25519SecurityKey.Algorithm)
            {
                return Ed25519SecurityKey.FromPrivateKey(privateKey, record.Id);
            }

            var ec = ECDsa.Create();
            ec.ImportPkcs8PrivateKey(privateKey, out _);
            return new ECDsaSecurityKey(ec) { KeyId = record.Id };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private sealed record Snapshot(SecurityKey? Current, IReadOnlyList<JsonObject> Published);
}
