using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Options;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Benchmarks;

/// <summary>
/// The production hasher at the configured parameters (PBKDF2-HMAC-SHA512, <see cref="PasswordHashingOptions.ProductionIterations"/>
/// iterations unless <c>PasswordHashing__Iterations</c> says otherwise). ~0.1 s per call: a few single calls suffice.
/// </summary>
[Config(typeof(SlowOperationConfig))]
public class PasswordHashingBenchmarks
{
    private const string Password = "correct horse battery staple";
    private Pbkdf2PasswordHasher _hasher = null!;
    private string _hash = null!;

    public int Iterations { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var configured = Environment.GetEnvironmentVariable("PasswordHashing__Iterations");
        Iterations = int.TryParse(configured, out var value) ? value : PasswordHashingOptions.ProductionIterations;
        _hasher = new Pbkdf2PasswordHasher(Options.Create(new PasswordHashingOptions { Iterations = Iterations }));
        _hash = _hasher.HashAsync(Password, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _hasher.Dispose();

    [Benchmark]
    public string Hash() => _hasher.HashAsync(Password, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public bool Verify() =>
        _hasher.VerifyAsync(_hash, Password, CancellationToken.None).AsTask().GetAwaiter().GetResult()
        == Application.Common.Interfaces.PasswordCheck.Success;

    private sealed class SlowOperationConfig : ManualConfig
    {
        public SlowOperationConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(8));
    }
}
