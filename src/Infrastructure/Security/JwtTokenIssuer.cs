using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// The one JWT issuer: HS256 over the shared secret, claims as docs/api.md lists them. The compact JWS is written directly
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

    public JwtTokenIssuer(JwtSigningKey key, IOptions<JwtOptions> options, TimeProvider timeProvider)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        var secret = key.Key?.Key ?? throw new InvalidOperationException("The gateway signs HS256 with Jwt:Secret, which is not set.");
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret));
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
