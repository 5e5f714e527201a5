using System.Buffers.Text;
using System.Text.Json;

namespace TodoClean.Infrastructure.Security;

/// <summary>
/// A cheap structural check run before signature validation: rejects what JwtBearer would accept or handle loosely
/// (duplicate claim names, <c>crit</c>, key-selecting headers) and what is obviously not ours (size, shape, alg),
/// without allocating much or touching the key. Returns null when the token may go on to full validation.
/// </summary>
public static class JwtPreValidator
{
    /// <summary>
    /// Above the largest token the gateway can mint — a profile at every length limit, written in the costliest characters
    /// (a test pins this) — and far below what could cost real work. A typical token is ~600 characters.
    /// </summary>
    public const int MaxTokenLength = 24 * 1024;

    private static readonly string[] ForbiddenHeaders = ["crit", "jku", "x5u", "jwk", "x5c"];

    private static readonly IReadOnlySet<string> HmacOnly = new HashSet<string>(StringComparer.Ordinal) { "HS256" };

    /// <summary>The check for an HS256 token (the gateway's default).</summary>
    public static string? Check(ReadOnlySpan<char> token) => Check(token, HmacOnly, out _);

    /// <summary>
    /// The check for a token whose header <c>alg</c> must be one of <paramref name="algorithms"/> (case-sensitive, as
    /// RFC 7515 has it); reports that <paramref name="algorithm"/> when the token passes.
    /// </summary>
    public static string? Check(ReadOnlySpan<char> token, IReadOnlySet<string> algorithms, out string? algorithm)
    {
        algorithm = null;
        if (token.Length is 0 or > MaxTokenLength)
        {
            return "size";
        }

        var first = token.IndexOf('.');
        var last = token.LastIndexOf('.');
        if (first <= 0 || last == first || last == token.Length - 1 || token[(first + 1)..last].Contains('.'))
        {
            return "shape";
        }

        var header = Decode(token[..first]);
        if (header is null || !IsFlatObject(header, out var headerNames, out var alg) || alg is null || !algorithms.Contains(alg))
        {
            return "header";
        }

        foreach (var name in ForbiddenHeaders)
        {
            if (headerNames.Contains(name))
            {
                return "header";
            }
        }

        var payload = Decode(token[(first + 1)..last]);
        if (payload is null || !IsFlatObject(payload, out _, out _))
        {
            return "payload";
        }

        algorithm = alg;
        return null;
    }

    /// <summary>
    /// The header's <c>kid</c> (at most 64 characters) of a token that passed <see cref="Check(ReadOnlySpan{char})"/>, or null: only the
    /// header segment is decoded, so reporting a foreign key costs little even on a flood of bad tokens.
    /// </summary>
    public static string? ReadKeyId(ReadOnlySpan<char> token) => ReadHeaderString(token, "kid"u8);

    /// <summary>A string member of the token's header (at most 64 characters), or null; only the header is decoded.</summary>
    public static string? ReadHeaderString(ReadOnlySpan<char> token, ReadOnlySpan<byte> name)
    {
        var first = token.IndexOf('.');
        if (first <= 0 || token.Length > MaxTokenLength || Decode(token[..first]) is not { } header)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 16 });
            return JwtJson.TryFindMember(ref reader, name)
                   && reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: <= 64 } value
                ? value
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static byte[]? Decode(ReadOnlySpan<char> segment)
    {
        if (!Base64Url.IsValid(segment))
        {
            return null;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        try
        {
            return Base64Url.TryDecodeFromChars(segment, buffer, out var written) ? buffer[..written] : null;
        }
        catch (FormatException)
        {
            // Characters outside the base64url alphabet: not a JWT of ours.
            return null;
        }
    }

    /// <summary>
    /// True when <paramref name="json"/> is one valid UTF-8 JSON object whose top-level names are unique (RFC 8725 §3.6:
    /// with duplicates, parsers disagree on which value wins). Reports the names and the <c>alg</c> value.
    /// </summary>
    private static bool IsFlatObject(byte[] json, out HashSet<string> names, out string? alg)
    {
        names = new HashSet<string>(StringComparer.Ordinal);
        alg = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!names.Add(name))
                {
                    return false;
                }

                reader.Read();
                if (name == "alg" && reader.TokenType == JsonTokenType.String)
                {
                    alg = reader.GetString();
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
