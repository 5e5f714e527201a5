using System.Net.Http.Json;
using System.Text.Json;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>Both hosts as real processes: refuse to start on a bad secret with one clear line; run on the env aliases.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("todoclean-startup");

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
        await using var process = HostProcess.Start(host, new Dictionary<string, string?>
        {
            [variable] = secret,
            ["ConnectionStrings__Auth"] = $"Data Source={_directory.File("auth.db")}",
            ["ConnectionStrings__Todos"] = $"Data Source={_directory.File("todos.db")}",
        });

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
        await using var gateway = HostProcess.Start("TodoClean.AuthGateway", new Dictionary<string, string?>
        {
            ["FRONTEND_JWT_SECRET"] = secret,
            ["ConnectionStrings__Auth"] = $"Data Source={_directory.File("auth.db")}",
            ["PasswordHashing__Iterations"] = HostSettings.TestHashIterations,
        });
        await using var api = HostProcess.Start("TodoClean.WebApi", new Dictionary<string, string?>
        {
            ["BACKEND_JWT_SECRET"] = secret,
            ["ConnectionStrings__Todos"] = $"Data Source={_directory.File("todos.db")}",
        });
        await Task.WhenAll(gateway.WaitHealthyAsync(), api.WaitHealthyAsync());
        using var gatewayClient = new HttpClient { BaseAddress = new Uri(gateway.BaseUrl) };
        using var apiClient = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };

        var user = await AuthFlows.SignUpAsync(gatewayClient);
        apiClient.WithBearer(await AuthFlows.GetJwtAsync(gatewayClient, user.SessionToken));
        var created = await apiClient.PostAsJsonAsync("/api/todos", new { title = "over real HTTP" });
        var list = await apiClient.GetFromJsonAsync<JsonElement>("/api/todos");

        created.StatusCode.Should().Be(System.Net.HttpStatusCode.Created);
        list.GetProperty("items")[0].GetProperty("title").GetString().Should().Be("over real HTTP");
        File.Exists(_directory.File("auth.db")).Should().BeTrue("migrations created the store at start");
        (gateway.Output + api.Output).Should().NotContain(secret);
    }

    public void Dispose() => _directory.Dispose();
}
