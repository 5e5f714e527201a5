using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TodoClean.TestCommon;

/// <summary>
/// One host under test (gateway or API) on a fresh SQLite store in its own temporary directory. Settings go in
/// through <c>UseSetting</c>, which the host sees before its start-up checks run.
/// </summary>
public class TestHostFactory<TMarker> : WebApplicationFactory<TMarker>
    where TMarker : class
{
    private readonly TemporaryDirectory _directory = new("todoclean-host");
    private readonly Dictionary<string, string?> _settings;

    public TestHostFactory(Func<TemporaryDirectory, Dictionary<string, string?>> settings) => _settings = settings(_directory);

    /// <summary>Overrides or adds a setting before the host is first used.</summary>
    public TestHostFactory<TMarker> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
