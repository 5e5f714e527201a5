using System.Security.Cryptography;
using System.Text;

namespace TodoClean.Application.Common.Security;

/// <summary>Random identifiers and session tokens from the OS CSPRNG.</summary>
public static class SecureIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>43 characters over a 62-symbol alphabet: 256 bits, the floor docs/security.md sets for session tokens.</summary>
    public const int SessionTokenLength = 43;

    /// <summary>Record ids look like Better Auth's: 32 alphanumeric characters.</summary>
    public static string NewId() => RandomNumberGenerator.GetString(Alphabet, 32);

    public static string NewSessionToken() => RandomNumberGenerator.GetString(Alphabet, SessionTokenLength);

    /// <summary>The only form of a session token that is stored: lower-case hex SHA-256.</summary>
    public static string HashToken(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexStringLower(hash);
    }
}
