using System.Net.Http.Json;
using System.Text.Json;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>Both hosts as real processes: refuse to start on a bad secret with one clear line; run on the env aliases.</summary>
public abstract class StartupTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("todoclean-startup");
    private readonly TestStore _auth;
    private readonly TestStore _todos;

    protected StartupTests(StoreProvider provider)
    {
        _auth = TestStore.Create(provider, _directory, "auth");
        _todos = TestStore.Create(provider, _directory, "todos");
    }

    public sealed class OnSqlite() : StartupTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : StartupTests(StoreProvider.Postgres);

    public static TheoryData<string, string, string?, string> BadSecrets() => new()
    {
        { "TodoClean.AuthGateway", "FRONTEND_JWT_SECRET", null, "missing" },
        { "TodoClean.AuthGateway", "FRONTEND_JWT_SECRET", "too-short-secret", "too short" },
        { "TodoClean.AuthGateway", "FRONTEND_JWT_SECRET", "changeme-changeme-changeme-changeme-changeme", "placeholder" },
        { "TodoClean.WebApi", "BACKEND_JWT_SECRET", null, "missing" },
        { "TodoClean.WebApi", "BACKEND_JWT_SECRET", "k9#Qz!u2", "too short" },
        { "TodoClean.WebApi", "BACKEND_JWT_SECRET", new string('a', 40), "placeholder" },
    };

    [Theory]
    [MemberData(nameof(BadSecrets))]
    public async Task Host_WhenSecretIsUnusable_ShouldExitNonZeroWithOneClearLineAndNeverPrintTheSecret(
        string host, string variable, string? secret, string reason)
    {
        await using var process = HostProcess.Start(host, StoreEnvironment(new() { [variable] = secret }));

        var exitCode = await process.WaitForExitAsync();

        exitCode.Should().Be(2);
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().Contain(variable).And.Contain(reason).And.NotContain("   at ");
        if (secret is not null)
        {
            process.Output.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task BothHosts_WhenGivenTheSameSecretThroughTheirAliases_ShouldWorkTogetherOverRealHttp()
    {
        var secret = TestSecrets.NewSecret();
        await using var gateway = HostProcess.Start("TodoClean.AuthGateway", StoreEnvironment(new()
        {
            ["FRONTEND_JWT_SECRET"] = secret,
            ["PasswordHashing__Iterations"] = HostSettings.TestHashIterations,
        }));
        await using var api = HostProcess.Start("TodoClean.WebApi", StoreEnvironment(new() { ["BACKEND_JWT_SECRET"] = secret }));
        await Task.WhenAll(gateway.WaitHealthyAsync(), api.WaitHealthyAsync());
        using var gatewayClient = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        using var apiClient = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };

        var user = await AuthFlows.SignUpAsync(gatewayClient);
        apiClient.WithBearer(await AuthFlows.GetJwtAsync(gatewayClient, user.SessionToken));
        var created = await apiClient.PostAsJsonAsync("/api/todos", new { title = "over real HTTP" });
        var list = await apiClient.GetFromJsonAsync<JsonElement>("/api/todos");

        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        list.GetProperty("items")[0].GetProperty("title").GetString().Should().Be("over real HTTP");
        (await _auth.IsMigratedAsync()).Should().BeTrue("migrations created the store at start");
        (await _todos.IsMigratedAsync()).Should().BeTrue("migrations created the store at start");
        (gateway.Output + api.Output).Should().NotContain(secret);
    }

    /// <summary>Both stores' settings (each host reads its own) plus <paramref name="variables"/>.</summary>
    private Dictionary<string, string?> StoreEnvironment(Dictionary<string, string?> variables)
    {
        var environment = _auth.Environment("Auth");
        foreach (var (key, value) in _todos.Environment("Todos").Concat(variables))
        {
            environment[key] = value;
        }

        return environment;
    }

    public void Dispose()
    {
        _auth.Dispose();
        _todos.Dispose();
        _directory.Dispose();
    }
}
