using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace TodoClean.E2E.Infrastructure;

/// <summary>What the browser tests leave behind for people: screenshots and measured timings, under <c>artifacts/e2e</c>.</summary>
public static class Artifacts
{
    private static readonly Lock TimingsLock = new();
    private static readonly List<(string Name, double Milliseconds)> Timings = [];

    /// <summary><c>artifacts/e2e</c> in the repository (found by walking up to <c>TodoClean.sln</c>), else beside the tests.</summary>
    public static string Root { get; } = FindRoot();

    public static string ScreenshotsDirectory => Path.Combine(Root, "screenshots");

    /// <summary>Saves a full-page screenshot as <c>artifacts/e2e/screenshots/&lt;name&gt;.png</c>.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotsDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotsDirectory, $"{name}.png"), FullPage = true });
    }

    /// <summary>Records a measured duration in <c>artifacts/e2e/timings.md</c> (rewritten with this run's figures).</summary>
    public static void RecordTiming(string name, TimeSpan elapsed)
    {
        lock (TimingsLock)
        {
            Timings.RemoveAll(t => t.Name == name);
            Timings.Add((name, elapsed.TotalMilliseconds));
            var text = new StringBuilder()
                .AppendLine("# E2E timings")
                .AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC in headless Chromium against both hosts on loopback.")
                .AppendLine()
                .AppendLine("| measurement | ms |")
                .AppendLine("|---|---:|");
            foreach (var (timing, milliseconds) in Timings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {timing} | {milliseconds:F0} |");
            }

            Directory.CreateDirectory(Root);
            File.WriteAllText(Path.Combine(Root, "timings.md"), text.ToString());
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TodoClean.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "e2e");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "artifacts", "e2e");
    }
}
