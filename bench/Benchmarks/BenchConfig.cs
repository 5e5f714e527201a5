using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace TodoClean.Benchmarks;

/// <summary>
/// Every suite: allocations per operation, GitHub-flavoured markdown tables (part of the default exporters). Benchmarks run in this process
/// (in-process toolchain): no generated project to build under the repository's warnings-as-errors policy, and a
/// short run on a busy machine.
/// <para>
/// Times are the CPU time this process spends (<see cref="ProcessCpuClock"/>), not the wall clock: on a machine whose
/// cores are shared with other work, the wall clock also counts the time spent waiting for a core, which swamps the
/// differences worth measuring. A class that measures waiting (commits, locks) adds a wall-clock job with
/// <see cref="WallClockAttribute"/>.
/// </para>
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job("cpu").WithClock(ProcessCpuClock.Instance).AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        // On a shared machine the minimum is the steadiest estimate of the cost; the mean shows the noise.
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        WithOptions(ConfigOptions.DisableLogFile);
    }

    /// <summary>A fixed, modest number of iterations: minutes for the whole suite instead of tens of minutes.</summary>
    internal static Job Job(string id) => BenchmarkDotNet.Jobs.Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(4)
        .WithIterationCount(15)
        .WithId(id);
}

/// <summary>
/// For a class whose costs include waiting (for an fsync, for another writer's lock): every benchmark runs twice, timed
/// by the CPU clock and by the wall clock (the Job column says which).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class WallClockAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddJob(BenchConfig.Job("cpu").WithClock(ProcessCpuClock.Instance))
        .AddJob(BenchConfig.Job("wall").WithClock(Chronometer.BestClock));
}

/// <summary>The CPU time (user + system, every thread) of this process, from <see cref="Environment.CpuUsage"/>.</summary>
public sealed class ProcessCpuClock : IClock
{
    public static readonly ProcessCpuClock Instance = new();

    public string Title => "Process CPU time";

    public bool IsAvailable => true;

    public Frequency Frequency => new(TimeSpan.TicksPerSecond);

    public long GetTimestamp() => Environment.CpuUsage.TotalTime.Ticks;
}
