using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// Turns away a well-formed token that full validation would refuse anyway, at a fraction of its cost: a wrong HS256
/// signature (one HMAC over the signing input, no token object, no exception thrown; a token signed with another
/// secret is still reported once by <c>JwtBearerEventHandlers</c>) or an expiry in the past. It only ever rejects: a
/// token it lets through still goes through JwtBearer's complete validation.
/// Runs after <see cref="JwtPreValidator"/>, so the token has three base64url parts and an HS256 header.
/// </summary>
internal static class JwtFastRejection
{
    private const int StackLimit = 1024;

    /// <summary>The reason to refuse <paramref name="token"/>, or null when full validation must decide.</summary>
    public static Exception? Check(ReadOnlySpan<char> token, TokenValidationParameters parameters, DateTime utcNow)
    {
        if (parameters.IssuerSigningKey is not SymmetricSecurityKey { Key: { } key })
        {
            return null;
        }

        var lastDot = token.LastIndexOf('.');
        var signingInput = token[..lastDot];
        if (!SignatureMatches(signingInput, token[(lastDot + 1)..], key))
        {
            return new SecurityTokenInvalidSignatureException("The token's signature does not match the shared secret.");
        }

        // Compared as "expires < now - skew": adding the skew to an expiry near the end of the calendar would overflow.
        return ExpiredAt(signingInput[(signingInput.IndexOf('.') + 1)..]) is { } expires
               && expires < utcNow - parameters.ClockSkew
            ? new SecurityTokenExpiredException("The token has expired.") { Expires = expires }
            : null;
    }

    private static bool SignatureMatches(ReadOnlySpan<char> signingInput, ReadOnlySpan<char> signature, byte[] key)
    {
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes + 3];
        if (!Base64Url.IsValid(signature, out var length) || length != HMACSHA256.HashSizeInBytes
            || !Base64Url.TryDecodeFromChars(signature, given, out var written) || written != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        // The signing input is ASCII (base64url and one dot): one byte per char.
        byte[]? rented = null;
        var input = signingInput.Length <= StackLimit
            ? stackalloc byte[signingInput.Length]
            : (rented = ArrayPool<byte>.Shared.Rent(signingInput.Length)).AsSpan(0, signingInput.Length);
        try
        {
            if (Encoding.ASCII.GetBytes(signingInput, input) != signingInput.Length)
            {
                return false;
            }

            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(key, input, expected);
            return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The payload's numeric <c>exp</c> as UTC, or null when absent or not a number (full validation decides).</summary>
    private static DateTime? ExpiredAt(ReadOnlySpan<char> payload)
    {
        byte[]? rented = null;
        var length = Base64Url.GetMaxDecodedLength(payload.Length);
        var json = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            if (!Base64Url.IsValid(payload) || !Base64Url.TryDecodeFromChars(payload, json, out var written))
            {
                return null;
            }

            var reader = new Utf8JsonReader(json[..written]);
            return JwtJson.TryFindMember(ref reader, "exp"u8)
                   && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds)
                   && seconds is > 0 and < 253_402_300_799
                ? DateTime.UnixEpoch.AddSeconds(seconds)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
