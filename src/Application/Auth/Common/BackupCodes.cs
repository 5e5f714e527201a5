using System.Security.Cryptography;
using TodoClean.Application.Common.Security;

namespace TodoClean.Application.Auth.Common;

/// <summary>
/// Two-factor backup codes as Better Auth makes them: ten codes of ten letters and digits, shown as <c>xxxxx-xxxxx</c>.
/// Each is about 59 bits from the OS CSPRNG, so a plain SHA-256 is enough to store it: the codes are shown once and only
/// their hashes are kept (docs/security.md).
/// </summary>
internal static class BackupCodes
{
    public const int Count = 10;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>New codes, and the hashes to store in their place.</summary>
    public static (IReadOnlyList<string> Codes, IReadOnlyList<string> Hashes) Generate()
    {
        var codes = Enumerable.Range(0, Count)
            .Select(_ => RandomNumberGenerator.GetString(Alphabet, 10))
            .Select(code => $"{code[..5]}-{code[5..]}")
            .ToList();
        return (codes, codes.Select(Hash).ToList());
    }

    public static string Hash(string code) => SecureIds.HashToken(code);
}
