namespace TodoClean.Benchmarks;

/// <summary>A clock that always says the same time (tokens that are already expired).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
