namespace TodoClean.Application.Auth.Common;

/// <summary>Input limits of the two-factor use cases.</summary>
internal static class TwoFactorRules
{
    /// <summary>Codes are 6 digits or 11 characters; anything far longer is refused before any work.</summary>
    public const int MaxCodeLength = 64;
}
