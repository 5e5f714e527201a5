using System.Diagnostics;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>The repository this suite was built from (for checks on what is committed and ignored).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Runs <c>git</c> in the repository root and returns its standard output (fails the test on a non-zero exit).</summary>
    public static string Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"git {string.Join(' ', arguments)}: {error}");
        return output;
    }

    /// <summary>Whether git ignores <paramref name="path"/> (relative to the root), by <c>git check-ignore</c>.</summary>
    public static bool IsIgnored(string path)
    {
        var info = new ProcessStartInfo("git", ["check-ignore", "-q", "--no-index", path])
        {
            WorkingDirectory = Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TodoClean.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (TodoClean.sln) was not found above the test assembly.");
    }
}
