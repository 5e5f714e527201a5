using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Infrastructure.Security.Keys;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// The one JWT issuer: HS256 over the shared secret by default, or ES256/EdDSA with the <see cref="SigningKeyRing"/>'s
/// current key (<c>Jwt:Algorithm</c>); claims as docs/api.md lists them. The compact JWS is written directly
/// (header encoded once, payload with a reused <see cref="Utf8JsonWriter"/>, a per-thread HMAC): the same token a
/// <see cref="JsonWebTokenHandler"/> would create, at a fraction of its cost on the silent-refresh path.
/// </summary>
internal sealed class JwtTokenIssuer : ITokenIssuer
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_payload;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly JwtOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly byte[] _encodedHeader;

    // HMAC state keyed once per thread: the key schedule is not redone for every token.
    private readonly ThreadLocal<IncrementalHash> _hmac;

    private readonly SigningKeyRing? _ring;

    public JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider timeProvider)
        : this(key, options, timeProvider, ring: null)
    {
    }

    public JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider timeProvider, SigningKeyRing? ring)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _ring = ring is { IsAsymmetric: true } ? ring : null;
        var secret = key.Key?.Key ?? [];
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256,
            secret.Length > 0 ? secret : throw new InvalidOperationException("The gateway signs HS256 with Jwt:Secret, which is not set.")));
        var header = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(header))
        {
            writer.WriteStartObject();
            writer.WriteString(JwtHeaderParameterNames.Alg, "HS256");
            writer.WriteString(JwtHeaderParameterNames.Kid, key.KeyId);
            writer.WriteString(JwtHeaderParameterNames.Typ, "JWT");
            writer.WriteEndObject();
        }

        _encodedHeader = Base64Url.EncodeToUtf8(header.WrittenSpan);
    }

    public TimeSpan Lifetime => _options.AccessTokenLifetime;

    public AccessToken Issue(TokenSubject subject)
    {
        if (_ring is not null)
        {
            return IssueAsymmetric(subject, _ring.Current ?? throw new InvalidOperationException("No JWT signing key is loaded."));
        }

        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var expires = now + _options.AccessTokenLifetime;
        var payload = WritePayload(subject, now, expires);

        var signingLength = _encodedHeader.Length + 1 + Base64Url.GetEncodedLength(payload.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(signingLength + 1 + Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes));
        try
        {
            _encodedHeader.CopyTo(buffer, 0);
            buffer[_encodedHeader.Length] = (byte)'.';
            Base64Url.EncodeToUtf8(payload, buffer.AsSpan(_encodedHeader.Length + 1), out _, out _);

            Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
            var hmac = _hmac.Value!;
            hmac.AppendData(buffer.AsSpan(0, signingLength));
            hmac.GetHashAndReset(signature);
            buffer[signingLength] = (byte)'.';
            Base64Url.EncodeToUtf8(signature, buffer.AsSpan(signingLength + 1), out _, out var signatureLength);
            return new AccessToken(Encoding.ASCII.GetString(buffer, 0, signingLength + 1 + signatureLength), expires);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The same claims signed with an asymmetric key through IdentityModel's signature provider for it (ES256: the BCL's
    /// ECDsa; EdDSA: NSec, see <see cref="Ed25519SecurityKey"/>). Header <c>alg</c>, <c>kid</c> (the published key's id), <c>typ</c>.
    /// </summary>
    private AccessToken IssueAsymmetric(TokenSubject subject, SecurityKey key)
    {
        var algorithm = _options.Algorithm;
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        var expires = now + _options.AccessTokenLifetime;
        var header = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(header))
        {
            writer.WriteStartObject();
            writer.WriteString(JwtHeaderParameterNames.Alg, algorithm);
            writer.WriteString(JwtHeaderParameterNames.Kid, key.KeyId);
            writer.WriteString(JwtHeaderParameterNames.Typ, "JWT");
            writer.WriteEndObject();
        }

        var signingInput = Base64Url.EncodeToString(header.WrittenSpan) + "." +
                           Base64Url.EncodeToString(WritePayload(subject, now, expires));
        var factory = key.CryptoProviderFactory;
        var provider = factory.CreateForSigning(key, algorithm);
        try
        {
            var signature = provider.Sign(Encoding.ASCII.GetBytes(signingInput));
            return new AccessToken($"{signingInput}.{Base64Url.EncodeToString(signature)}", expires);
        }
        finally
        {
            factory.ReleaseSignatureProvider(provider);
        }
    }

    /// <summary>
    /// Claims are written as compactly as JSON allows: a profile's <c>&amp;</c>, <c>&lt;</c>, quotes and non-ASCII text go
    /// out as themselves (UTF-8) instead of six-byte <c>\uXXXX</c> escapes, so the largest profile the gateway accepts
    /// still makes a token under the API's size limit. A JWT is never embedded in HTML, which is what those escapes are for.
    /// </summary>
    private static readonly JavaScriptEncoder ClaimEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private ReadOnlySpan<byte> WritePayload(TokenSubject subject, DateTime now, DateTime expires)
    {
        var payload = t_payload ??= new ArrayBufferWriter<byte>(512);
        payload.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(payload, new JsonWriterOptions { Encoder = ClaimEncoder });
        writer.Reset(payload);

        writer.WriteStartObject();
        writer.WriteString(JwtRegisteredClaimNames.Sub, subject.UserId);
        writer.WriteString(JwtRegisteredClaimNames.Sid, subject.SessionId);
        writer.WriteString(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N"));
        // Better Auth's user claims, so code written against its payload keeps working.
        writer.WriteString("id", subject.UserId);
        writer.WriteString(JwtRegisteredClaimNames.Email, subject.Email);
        writer.WriteString(JwtRegisteredClaimNames.Name, subject.Name);
        writer.WriteBoolean("emailVerified", subject.EmailVerified);
        if (!string.IsNullOrEmpty(subject.Image))
        {
            writer.WriteString("image", subject.Image);
        }

        writer.WriteString(JwtRegisteredClaimNames.Iss, _options.Issuer);
        writer.WriteString(JwtRegisteredClaimNames.Aud, _options.Audience);
        // Whole seconds since the epoch, truncated, as IdentityModel writes them.
        writer.WriteNumber(JwtRegisteredClaimNames.Iat, UnixSeconds(now));
        writer.WriteNumber(JwtRegisteredClaimNames.Nbf, UnixSeconds(now));
        writer.WriteNumber(JwtRegisteredClaimNames.Exp, UnixSeconds(expires));
        writer.WriteEndObject();
        writer.Flush();
        return payload.WrittenSpan;
    }

    private static long UnixSeconds(DateTime utc) => Math.Max(0, (long)(utc - DateTime.UnixEpoch).TotalSeconds);
}
