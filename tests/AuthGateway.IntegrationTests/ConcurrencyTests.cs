using System.Net;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>What the auth store guarantees under parallel requests, on every provider: one account per email.</summary>
public abstract class ConcurrencyTests : IDisposable
{
    private readonly GatewayFactory _factory;

    protected ConcurrencyTests(StoreProvider provider)
    {
        // Every request comes from one test client: the per-address and per-account limits are not what is tested here.
        _factory = new GatewayFactory(provider);
        _factory.With("RateLimiting:Enabled", "false");
    }

    public sealed class OnSqlite() : ConcurrencyTests(StoreProvider.Sqlite);

    public sealed class OnPostgres() : ConcurrencyTests(StoreProvider.Postgres);

    [Fact]
    public async Task SignUp_WhenTheSameEmailArrivesInParallel_ShouldCreateOneAccountAndTellTheOthersItExists()
    {
        var client = _factory.CreateBareClient();
        var email = AuthFlows.NewEmail("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PostJsonAsync("/api/auth/sign-up/email", new { name = $"Racer {i:D2}", email, password = $"password-{i:D2}" })));

        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        winners.Should().ContainSingle();
        foreach (var loser in responses.Except(winners))
        {
            loser.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            (await loser.ErrorAsync()).Code.Should().Be("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
        }

        var winnerName = (await winners[0].JsonAsync()).GetProperty("user").GetProperty("name").GetString()!;
        var password = $"password-{winnerName["Racer ".Length..]}";
        (await client.PostJsonAsync("/api/auth/sign-in/email", new { email, password })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose() => _factory.Dispose();
}
