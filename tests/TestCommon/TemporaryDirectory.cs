namespace TodoClean.TestCommon;

/// <summary>A fresh directory under the system temp folder, deleted on dispose (stores, logs, screenshots).</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix = "todoclean")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A host may still hold a SQLite file for a moment; the OS temp cleaner gets the rest.
        }
    }
}
