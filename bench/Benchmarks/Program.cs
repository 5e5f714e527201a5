using BenchmarkDotNet.Running;
using TodoClean.Benchmarks;
using TodoClean.Benchmarks.Load;

// `seed` and `count` serve the load test (bench/load), `revocation` the revocation-latency run; anything else is
// BenchmarkDotNet's command line.
if (args.Length > 0 && LoadSeeder.Handles(args[0]))
{
    return await LoadSeeder.RunAsync(args);
}

if (args is ["revocation", ..])
{
    return await RevocationLatency.RunAsync(args);
}

// Without --filter: every benchmark (no `--filter '*'` for a shell to expand, no interactive menu).
var switcher = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly);
var summaries = args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "-f")
    ? switcher.Run(args, new BenchConfig())
    : switcher.RunAll(new BenchConfig(), args);
return !summaries.Any() || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
