using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TodoClean.TestCommon;

/// <summary>
/// One host under test (gateway or API) on a fresh store: SQLite in its own temporary directory, or a database of its own
/// on the test PostgreSQL server. Settings go in through <c>UseSetting</c>, which the host sees before its start-up
/// checks run.
/// </summary>
public class TestHostFactory<TMarker> : WebApplicationFactory<TMarker>
    where TMarker : class
{
    private readonly TemporaryDirectory _directory = new("todoclean-host");
    private readonly Dictionary<string, string?> _settings;
    private readonly TestStore? _store;

    public TestHostFactory(Func<TemporaryDirectory, Dictionary<string, string?>> settings) => _settings = settings(_directory);

    /// <summary>A host on a fresh <see cref="TestStore"/> named <paramref name="storeName"/> of <paramref name="provider"/>.</summary>
    public TestHostFactory(StoreProvider provider, string storeName, Func<TestStore, Dictionary<string, string?>> settings)
    {
        _store = TestStore.Create(provider, _directory, storeName);
        _settings = settings(_store);
    }

    /// <summary>The store this host runs on (null for a host configured by hand).</summary>
    public TestStore? Store => _store;

    /// <summary>Overrides or adds a setting before the host is first used.</summary>
    public TestHostFactory<TMarker> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development (build.ps1 run): every registered service must be constructible when the host starts.
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
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
            _store?.Dispose();
            _directory.Dispose();
        }
    }
}
