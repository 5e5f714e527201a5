namespace TodoClean.Infrastructure.Security;

/// <summary>Configuration section <c>PasswordHashing</c>.</summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "PasswordHashing";

    /// <summary>OWASP's floor for PBKDF2-HMAC-SHA512 (ASP.NET Identity's own default, 100,000, is too low).</summary>
    public const int ProductionIterations = 210_000;

    public int Iterations { get; set; } = ProductionIterations;

    /// <summary>How many hashes may run at once; the rest wait, so a burst cannot starve the CPU.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;
}
