using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TodoClean.Benchmarks;

/// <summary>
/// Every suite: allocations per operation, GitHub-flavoured markdown tables (part of the default exporters). Benchmarks run in this process
/// (in-process toolchain): no generated project to build under the repository's warnings-as-errors policy, and a
/// short run on a busy machine.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        Add(DefaultConfig.Instance);
        // A fixed, modest number of iterations: minutes for the whole suite instead of tens of minutes.
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(15)
            .AsDefault());
        AddDiagnoser(MemoryDiagnoser.Default);
        // On a shared machine the minimum is the steadiest estimate of the cost; the mean shows the noise.
        AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        WithOptions(ConfigOptions.DisableLogFile);
    }
}
