using System.Net;
using System.Net.Http.Json;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Limits hold across instances: two gateway processes with their limits on, one PostgreSQL store. Attempts spread over
/// both are counted together, so a client gets 429 at the configured count, not at that count times the instances.
/// </summary>
public sealed class ScaleOutLimitsTests : IAsyncLifetime
{
    private const int FailuresPerAccount = 5;
    private const int CredentialPermitsPerIp = 12;
    private readonly List<HostProcess> _gateways = [];

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["FRONTEND_JWT_SECRET"] = TestSecrets.JwtSecret,
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Auth"] = PostgresServer.Shared.CreateDatabase("scaleout_limits"),
            ["PasswordHashing__Iterations"] = HostSettings.TestHashIterations,
            ["RateLimiting__FailuresPerAccount"] = FailuresPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting__CredentialPermitsPerIp"] = CredentialPermitsPerIp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var instance = 0; instance < 2; instance++)
        {
            var gateway = HostProcess.Start("TodoClean.AuthGateway", settings);
            _gateways.Add(gateway);
            await gateway.WaitHealthyAsync();
        }
    }

    private HttpClient Client(int instance) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(_gateways[instance].BaseUrl) };

    [Fact]
    public async Task WrongPasswordsSpreadOverTwoGateways_ShouldLockAtTheConfiguredCount()
    {
        using var gateway1 = Client(0);
        using var gateway2 = Client(1);
        var user = await AuthFlows.SignUpAsync(gateway1);

        for (var i = 1; i <= FailuresPerAccount; i++)
        {
            var gateway = i % 2 == 0 ? gateway1 : gateway2;
            (await gateway.PostAsJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = $"wrong password {i}" }))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"guess {i} of {FailuresPerAccount}");
        }

        foreach (var gateway in new[] { gateway1, gateway2 })
        {
            (await gateway.PostAsJsonAsync("/api/auth/sign-in/email", new { email = user.Email, password = user.Password }))
                .StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "both instances count the same guesses");
        }
    }

    [Fact]
    public async Task CredentialRequestsSpreadOverTwoGateways_ShouldHitThePerAddressLimitAtTheConfiguredCount()
    {
        using var gateway1 = Client(0);
        using var gateway2 = Client(1);
        var statuses = new List<HttpStatusCode>();

        for (var i = 1; i <= CredentialPermitsPerIp + 1; i++)
        {
            var gateway = i % 2 == 0 ? gateway1 : gateway2;
            var response = await gateway.PostAsJsonAsync("/api/auth/sign-in/email",
                new { email = AuthFlows.NewEmail("nobody"), password = "wrong password 123" });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(CredentialPermitsPerIp).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses[^1].Should().Be(HttpStatusCode.TooManyRequests,
            $"request {CredentialPermitsPerIp + 1} from this address, whichever instance takes it");
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
    }
}
