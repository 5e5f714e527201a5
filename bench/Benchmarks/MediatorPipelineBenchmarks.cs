using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.GetSession;
using TodoClean.Application.Common.Security;

namespace TodoClean.Benchmarks;

/// <summary>
/// The session lookup behind every authenticated gateway call (<c>GET /api/auth/token</c> included) on the production
/// registrations over an in-memory auth store of 1,000 users with a session each: by hand with Microsoft.Data.Sqlite
/// (the reference host's way, the same SQL), the read port alone (<see cref="ISessionQueries"/>: Dapper), the handler in a
/// request scope (token hashing included), and through the mediator with its four behaviours (logging,
/// unhandled-exception, validation, performance). The last two rows send no token: the handler answers without I/O,
/// so their difference is the pipeline alone.
/// </summary>
public class MediatorPipelineBenchmarks
{
    private const string Sql = """
        SELECT s."Id", s."UserId", s."ExpiresAt", s."CreatedAt", s."UpdatedAt", s."IpAddress", s."UserAgent", s."RememberMe",
               u."Id", u."Name", u."Email", u."EmailVerified", u."Image", u."CreatedAt", u."UpdatedAt", u."TwoFactorEnabled"
        FROM sessions s JOIN users u ON u."Id" = s."UserId"
        WHERE s."TokenHash" = $hash
        """;

    private static readonly GetSessionQuery NoToken = new(SessionToken: null, DisableRefresh: true);
    private BenchStores _stores = null!;
    private ISessionQueries _queries = null!;
    private GetSessionQuery _query = null!;
    private string _hash = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stores = BenchStores.Auth(users: 1_000);
        _queries = _stores.Services.GetRequiredService<ISessionQueries>();
        var token = _stores.SessionTokens[500];
        _query = new GetSessionQuery(token, DisableRefresh: true);
        _hash = SecureIds.HashToken(token);
        if (ReferenceHostWay().GetAwaiter().GetResult() is null || ReadPort().GetAwaiter().GetResult() is null
            || HandlerDirectly().GetAwaiter().GetResult() is null || ThroughMediator().GetAwaiter().GetResult() is null)
        {
            throw new InvalidOperationException("The seeded session was not found.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _stores.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<ActiveSession?> ReferenceHostWay()
    {
        await using var connection = new SqliteConnection(_stores.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$hash", _hash);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new ActiveSession(
                new SessionRecord(
                    reader.GetString(0), reader.GetString(1), Utc(reader.GetDateTime(2)), Utc(reader.GetDateTime(3)),
                    Utc(reader.GetDateTime(4)), reader.GetString(5), reader.GetString(6), reader.GetBoolean(7)),
                new UserDto(
                    reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetBoolean(11),
                    reader.IsDBNull(12) ? null : reader.GetString(12), Utc(reader.GetDateTime(13)), Utc(reader.GetDateTime(14)),
                    reader.GetBoolean(15)))
            : null;
    }

    [Benchmark]
    public Task<ActiveSession?> ReadPort() => _queries.FindByTokenHashAsync(_hash, CancellationToken.None);

    [Benchmark]
    public async Task<AuthSession?> HandlerDirectly()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        var handler = new GetSessionQueryHandler(scope.ServiceProvider.GetRequiredService<SessionStore>());
        return await handler.Handle(_query, CancellationToken.None);
    }

    [Benchmark]
    public async Task<AuthSession?> ThroughMediator()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_query, CancellationToken.None);
    }

    [Benchmark]
    public async Task<AuthSession?> NoTokenHandlerDirectly()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        var handler = new GetSessionQueryHandler(scope.ServiceProvider.GetRequiredService<SessionStore>());
        return await handler.Handle(NoToken, CancellationToken.None);
    }

    [Benchmark]
    public async Task<AuthSession?> NoTokenThroughMediator()
    {
        await using var scope = _stores.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(NoToken, CancellationToken.None);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
