using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TodoClean.Infrastructure.Persistence.Auth;
using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>
/// Sessions under a controlled clock and under parallel requests: whatever the interleaving, every answer is a 2xx or a
/// 401, sliding renewal happens on every use of a session, and a password change commits as one.
/// </summary>
public abstract class SessionConcurrencyTests(GatewayFactory factory)
{
    public sealed class OnSqlite(SqliteGatewayFactory factory) : SessionConcurrencyTests(factory), IClassFixture<SqliteGatewayFactory>;

    public sealed class OnPostgres(PostgresGatewayFactory factory) : SessionConcurrencyTests(factory), IClassFixture<PostgresGatewayFactory>;

    private const string CookieName = "better-auth.session_token";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan UpdateAge = TimeSpan.FromDays(1);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly FailingSave _failingSave = new();

    private HttpClient Client()
    {
        var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            if (factory.Store?.Provider == StoreProvider.Postgres)
            {
                services.ConfigureDbContext<PostgresAuthDbContext>(options => options.AddInterceptors(_failingSave));
            }
            else
            {
                services.ConfigureDbContext<AuthDbContext>(options => options.AddInterceptors(_failingSave));
            }
        }));
        return host.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
    }

    private static string Cookie(SignedUpUser user) => $"{CookieName}={Uri.EscapeDataString(user.SessionToken)}";

    [Fact]
    public async Task Token_WhenTheSessionIsDueForRenewal_ShouldExtendItAndResendTheCookie()
    {
        var client = Client();
        var user = await AuthFlows.SignUpAsync(client);
        _clock.Advance(UpdateAge + TimeSpan.FromMinutes(1));

        var token = await client.SendWithAsync(HttpMethod.Get, "/api/auth/token", cookie: Cookie(user));

        token.StatusCode.Should().Be(HttpStatusCode.OK);
        token.SetCookies().Should().Contain(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal)
            && c.Contains($"Max-Age={(long)Lifetime.TotalSeconds}", StringComparison.Ordinal),
            "someone who only refreshes tokens is active: the session slides and its cookie is sent again");
        var session = await (await client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session?disableRefresh=true", cookie: Cookie(user)))
            .JsonAsync();
        session.GetProperty("session").GetProperty("expiresAt").GetDateTime().Should()
            .BeCloseTo(_clock.GetUtcNow().UtcDateTime + Lifetime, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Token_WhenTheSessionIsNotDueForRenewal_ShouldLeaveItAndItsCookieAlone()
    {
        var client = Client();
        var user = await AuthFlows.SignUpAsync(client);
        _clock.Advance(UpdateAge - TimeSpan.FromMinutes(1));

        var token = await client.SendWithAsync(HttpMethod.Get, "/api/auth/token", cookie: Cookie(user));

        token.StatusCode.Should().Be(HttpStatusCode.OK);
        token.SetCookies().Should().BeEmpty();
    }

    [Fact]
    public async Task ExpiredSession_UsedByManyRequestsAtOnce_ShouldAnswerEachWith200Or401()
    {
        var client = Client();
        var user = await AuthFlows.SignUpAsync(client);
        _clock.Advance(Lifetime + TimeSpan.FromMinutes(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 4) switch
        {
            0 => client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: user.SessionToken),
            1 => client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: user.SessionToken),
            2 => client.SendWithAsync(HttpMethod.Get, "/api/auth/list-sessions", bearer: user.SessionToken),
            _ => client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-other-sessions", bearer: user.SessionToken, body: new { }),
        }));

        responses.Select(r => (int)r.StatusCode).Should().OnlyContain(status => status == 200 || status == 401,
            "deleting an expired session that a parallel request already deleted is not an error");
    }

    [Fact]
    public async Task RenewalRacingSignOutAndRevocation_ShouldAnswerEachWith200Or401()
    {
        var client = Client();
        var user = await AuthFlows.SignUpAsync(client);
        var other = await AuthFlows.SignUpAsync(client);
        _clock.Advance(UpdateAge + TimeSpan.FromMinutes(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 5) switch
        {
            0 => client.SendWithAsync(HttpMethod.Post, "/api/auth/sign-out", bearer: user.SessionToken, body: new { }),
            1 => client.SendWithAsync(HttpMethod.Post, "/api/auth/revoke-sessions", bearer: other.SessionToken, body: new { }),
            2 => client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: other.SessionToken),
            3 => client.SendWithAsync(HttpMethod.Post, "/api/auth/update-user", bearer: user.SessionToken, body: new { name = $"n{i}" }),
            _ => client.SendWithAsync(HttpMethod.Get, "/api/auth/get-session", bearer: i % 2 == 0 ? user.SessionToken : other.SessionToken),
        }));

        responses.Select(r => (int)r.StatusCode).Should().OnlyContain(status => status == 200 || status == 401,
            "renewing a session that a parallel request ended changes nothing, and is not an error");
    }

    [Fact]
    public async Task ChangePassword_WhenSavingFailsMidway_ShouldChangeNothing()
    {
        var client = Client();
        var user = await AuthFlows.SignUpAsync(client);
        var otherDevice = await client.SendWithAsync(HttpMethod.Post, "/api/auth/sign-in/email",
            body: new { email = user.Email, password = user.Password });
        var otherToken = otherDevice.Header("set-auth-token")!;
        _failingSave.Armed = true;

        var change = await client.SendWithAsync(HttpMethod.Post, "/api/auth/change-password", bearer: user.SessionToken,
            body: new { currentPassword = user.Password, newPassword = "a brand new password", revokeOtherSessions = true });

        _failingSave.Armed = false;
        change.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await client.SendWithAsync(HttpMethod.Get, "/api/auth/token", bearer: otherToken)).StatusCode
            .Should().Be(HttpStatusCode.OK, "the other devices stay signed in when the change did not happen");
        (await client.SendWithAsync(HttpMethod.Post, "/api/auth/sign-in/email", body: new { email = user.Email, password = user.Password }))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the old password still works");
    }

    /// <summary>Fails the next save of the auth store while armed, as a full disk or a lost connection would.</summary>
    private sealed class FailingSave : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed ? throw new IOException("The store could not be written.") : ValueTask.FromResult(result);
    }
}
