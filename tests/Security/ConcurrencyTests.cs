using System.Net;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>Concurrent requests lose nothing and never overwrite silently (docs/security.md: accounts, API data, sessions).</summary>
[Collection(SecurityHostsCollection.Name)]
public sealed class ConcurrencyTests(SecurityHostsFixture hosts)
{
    [Fact]
    public async Task Concurrency_FiftyParallelSignUpsWithOneEmail_CreateExactlyOneAccount()
    {
        var email = Accounts.NewEmail("race");
        var mark = hosts.GatewayHost.Output.Length;

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            hosts.Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
                json: new { name = $"racer {i}", email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = Accounts.Password })));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Should().NotContain(r => r.IsServerError(), string.Join("\n", bodies.Distinct()));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await response.ShouldBeAuthErrorAsync(HttpStatusCode.UnprocessableEntity, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
        }

        Convert.ToInt64(Store.Scalar(hosts.GatewayHost.StorePath, "SELECT COUNT(*) FROM users WHERE lower(Email) = $p0", email),
            System.Globalization.CultureInfo.InvariantCulture).Should().Be(1, "one user row");
        Convert.ToInt64(Store.Scalar(hosts.GatewayHost.StorePath,
                "SELECT COUNT(*) FROM accounts a JOIN users u ON u.Id = a.UserId WHERE lower(u.Email) = $p0", email),
            System.Globalization.CultureInfo.InvariantCulture).Should().Be(1, "one credential account");
        hosts.GatewayHost.Process.ProblemsSince(mark).Should().NotContain(" ERR]",
            "losing the race to the unique index is an expected answer (422), not an error for an operator to chase");
    }

    [Fact]
    public async Task Concurrency_HundredParallelCreatesByOneUser_CreateHundredTodos()
    {
        var bearer = JwtForge.Valid(Claims.NewUserId());

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            hosts.Api.SendAsync(HttpMethod.Post, "/api/todos", bearer, new { title = $"parallel {i}" })));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("id").GetString()));
        ids.Should().OnlyHaveUniqueItems();
        var list = await (await hosts.Api.SendAsync(HttpMethod.Get, "/api/todos?pageSize=100", bearer)).JsonAsync();
        list.GetProperty("totalCount").GetInt32().Should().Be(100);
        list.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("title").GetString())
            .Should().BeEquivalentTo(Enumerable.Range(0, 100).Select(i => $"parallel {i}"));
    }

    [Fact]
    public async Task Concurrency_ParallelUpdatesWithTheSameIfMatch_ExactlyOneWins()
    {
        var bearer = JwtForge.Valid(Claims.NewUserId());
        var created = await hosts.Api.SendAsync(HttpMethod.Post, "/api/todos", bearer, new { title = "contended" });
        var todo = await created.JsonAsync();
        var id = todo.GetProperty("id").GetString();
        var etag = created.Headers.ETag!.ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => hosts.Api.SendAsync(HttpMethod.Put, $"/api/todos/{id}", bearer,
            new { title = $"writer {i}", isDone = false, priority = "normal" }, new Dictionary<string, string> { ["If-Match"] = etag })));

        responses.Should().NotContain(r => r.IsServerError());
        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        winners.Should().ContainSingle("one writer holds the version the others also named");
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await loser.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        var winner = await winners[0].JsonAsync();
        var stored = await (await hosts.Api.SendAsync(HttpMethod.Get, $"/api/todos/{id}", bearer)).JsonAsync();
        stored.GetProperty("title").GetString().Should().Be(winner.GetProperty("title").GetString(), "nobody overwrote the winner");
    }

    [Fact]
    public async Task Concurrency_TwentyParallelTokenRefreshesOfOneSession_AllSucceed()
    {
        var user = await Accounts.SignUpAsync(hosts.Gateway);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            hosts.Gateway.SendAsync(HttpMethod.Get, "/api/auth/token", user.SessionToken)));

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        var jwts = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("token").GetString()!));
        foreach (var jwt in jwts.Distinct().Take(5))
        {
            (await hosts.Api.SendAsync(HttpMethod.Get, "/api/me", jwt)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Accounts.IsLiveAsync(hosts.Gateway, bearer: user.SessionToken)).Should().BeTrue("the session survived the burst");
    }
}
