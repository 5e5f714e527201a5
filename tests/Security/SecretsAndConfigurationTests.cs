using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>Secrets and configuration: refusing bad secrets, mismatched secrets, nothing secret committed.</summary>
public sealed class SecretsAndConfigurationTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new("todoclean-security-secrets");

    public static TheoryData<string, string, string?, string> UnusableSecrets()
    {
        var data = new TheoryData<string, string, string?, string>();
        foreach (var (host, variable) in new[] { (RunningHost.GatewayAssembly, "FRONTEND_JWT_SECRET"), (RunningHost.ApiAssembly, "BACKEND_JWT_SECRET") })
        {
            data.Add(host, variable, null, "missing");
            data.Add(host, variable, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))[..31], "31 bytes");
            data.Add(host, variable, "changeme-changeme-changeme-changeme-changeme", "placeholder");
            data.Add(host, variable, "your-secret-key-goes-here-0123456789abcdef", "placeholder");
            data.Add(host, variable, new string('x', 64), "one repeated character");
            data.Add(host, "Jwt__Secret", "short-secret", "short, via Jwt__Secret");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnusableSecrets))]
    public async Task Secrets_UnusableSecret_HostRefusesToStartWithOneClearLine(string host, string variable, string? secret, string why)
    {
        await using var process = HostProcess.Start(host, new Dictionary<string, string?>
        {
            [variable] = secret,
            ["ConnectionStrings__Auth"] = $"Data Source={_directory.File("auth.db")}",
            ["ConnectionStrings__Todos"] = $"Data Source={_directory.File("todos.db")}",
        });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(20));

        exitCode.Should().NotBe(0, why);
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle($"one clear line ({why}), got:\n{process.Output}");
        lines[0].Should().Contain(variable.Contains("JWT", StringComparison.Ordinal) ? variable : "Jwt__Secret", "the line names the setting");
        process.Output.Should().NotContain("   at ").And.NotContain("Exception");
        if (!string.IsNullOrEmpty(secret))
        {
            process.Output.Should().NotContain(secret, "the value is never printed");
        }
    }

    [Theory]
    [InlineData("BETTER_AUTH_SECRET", "short-cookie-secret", "short")]
    [InlineData("BETTER_AUTH_SECRET", "changeme-changeme-changeme-changeme-changeme", "placeholder")]
    [InlineData("BETTER_AUTH_SECRET", "0000000000000000000000000000000000000000", "one repeated character")]
    [InlineData("Auth__Secret", "better-auth-secret-123", "short, via Auth__Secret")]
    public async Task Secrets_UnusableCookieSigningSecret_GatewayRefusesToStartWithOneClearLine(string variable, string secret, string why)
    {
        await using var process = HostProcess.Start(RunningHost.GatewayAssembly, new Dictionary<string, string?>
        {
            ["FRONTEND_JWT_SECRET"] = TestSecrets.JwtSecret,
            [variable] = secret,
            ["ConnectionStrings__Auth"] = $"Data Source={_directory.File("auth.db")}",
        });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(20));

        exitCode.Should().NotBe(0, why);
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle($"one clear line ({why}), got:\n{process.Output}");
        lines[0].Should().Contain("BETTER_AUTH_SECRET", "the line names the setting");
        process.Output.Should().NotContain(secret, "the value is never printed").And.NotContain("   at ");
    }

    [Fact]
    public async Task Secrets_ThirtyTwoByteSecret_IsEnoughToStartBothHosts()
    {
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Encoding.UTF8.GetByteCount(secret).Should().Be(32);

        var (gateway, api) = await RunningHost.StartPairAsync(secret, secret);
        await using var stopGateway = gateway;
        await using var stopApi = api;
        var user = await Accounts.SignUpAsync(gateway.Client);
        var jwt = await Accounts.MintJwtAsync(gateway.Client, user.SessionToken);

        (await api.Client.SendAsync(HttpMethod.Get, "/api/me", jwt)).StatusCode.Should().Be(HttpStatusCode.OK);
        (gateway.Output + api.Output).Should().NotContain(secret);
    }

    [Fact]
    public async Task Secrets_DifferentSecretsBetweenHosts_Api401AndOneWarningNamingTheFingerprints()
    {
        var (gateway, api) = await RunningHost.StartPairAsync(TestSecrets.JwtSecret, TestSecrets.OtherJwtSecret);
        await using var stopGateway = gateway;
        await using var stopApi = api;
        var user = await Accounts.SignUpAsync(gateway.Client);
        var tokenKid = string.Empty;

        for (var i = 0; i < 5; i++)
        {
            var jwt = await Accounts.MintJwtAsync(gateway.Client, user.SessionToken);
            tokenKid = JwtForge.Decode(jwt).Header.GetProperty("kid").GetString()!;
            await (await api.Client.SendAsync(HttpMethod.Get, "/api/todos", jwt))
                .ShouldBeUnauthorizedProblemAsync(tokenSent: true, "a JWT from a gateway with another secret");
        }

        var apiKid = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(TestSecrets.OtherJwtSecret))[..8]);
        var output = await api.WaitForOutputAsync(0, o => o.Contains(tokenKid, StringComparison.Ordinal));
        var warnings = output.Split('\n').Where(l => l.Contains(tokenKid, StringComparison.Ordinal)).ToList();
        warnings.Should().ContainSingle("one warning per foreign key, not one per request:\n" + output);
        warnings[0].Should().Contain("WRN").And.Contain(apiKid, "the warning names both key fingerprints");
        (api.Output + gateway.Output).Should().NotContain(TestSecrets.JwtSecret).And.NotContain(TestSecrets.OtherJwtSecret);
    }

    [Fact]
    public void Secrets_GitIgnoreCoversSecretsAndDataFolders()
    {
        var gitignore = File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore")).Select(l => l.Trim()).ToList();

        gitignore.Should().Contain(l => l == ".secrets/" || l == "/.secrets/" || l == ".secrets");
        gitignore.Should().Contain(l => l == "data/" || l == "/data/" || l == "data");
        foreach (var path in new[] { ".secrets/dev-jwt-secret", "data/auth.db", "data/todos.db", "src/WebApi/data/todos.db", "auth.db-wal" })
        {
            Repository.IsIgnored(path).Should().BeTrue($"{path} must be git-ignored");
        }
    }

    [Fact]
    public void Secrets_NothingSecretIsCommitted()
    {
        var tracked = Repository.Git("ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);

        tracked.Should().NotContain(p => p.StartsWith(".secrets/", StringComparison.Ordinal) || p.Contains("/.secrets/", StringComparison.Ordinal));
        tracked.Should().NotContain(p => p.StartsWith("data/", StringComparison.Ordinal));
        tracked.Should().NotContain(p => p.EndsWith(".db", StringComparison.Ordinal) || p.EndsWith(".db-wal", StringComparison.Ordinal)
                                         || p.EndsWith(".pfx", StringComparison.Ordinal) || p.EndsWith(".p12", StringComparison.Ordinal)
                                         || p.EndsWith(".key", StringComparison.Ordinal) || Path.GetFileName(p) == ".env");
        foreach (var settings in tracked.Where(p => Path.GetFileName(p).StartsWith("appsettings", StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, settings)),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            SecretValues(json.RootElement).Should().BeEmpty($"{settings} holds no secret value");
        }
    }

    [Fact]
    public void Secrets_DevelopmentSecretIsGeneratedLocallyIntoAnIgnoredFile()
    {
        var script = File.ReadAllText(Path.Combine(Repository.Root, "build.ps1"));

        script.Should().Contain(".secrets").And.Contain("RandomNumberGenerator", "the dev secret is random per machine");
        Repository.IsIgnored(".secrets/dev-jwt-secret").Should().BeTrue();
    }

    private static IEnumerable<string> SecretValues(JsonElement element, string path = "")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var name = $"{path}:{property.Name}";
                if (property.Value.ValueKind == JsonValueKind.String
                    && (property.Name.Contains("secret", StringComparison.OrdinalIgnoreCase) || property.Name.Contains("password", StringComparison.OrdinalIgnoreCase))
                    && !string.IsNullOrEmpty(property.Value.GetString()))
                {
                    yield return name;
                }

                foreach (var nested in SecretValues(property.Value, name))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.String && element.GetString()!.Contains("Password=", StringComparison.OrdinalIgnoreCase))
        {
            yield return path;
        }
    }

    public void Dispose() => _directory.Dispose();
}
