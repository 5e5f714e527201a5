using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>The todo API on a fresh SQLite store, with the test secret.</summary>
public sealed class ApiFactory() : TestHostFactory<IWebApiMarker>(d => HostSettings.Api(d.File("todos.db")))
{
    /// <summary>A client acting as a brand-new user (a JWT for a random user id).</summary>
    public HttpClient CreateUserClient(out string userId)
    {
        userId = $"user{Guid.NewGuid():N}";
        return CreateClient().WithBearer(JwtForge.Valid(userId));
    }

    public HttpClient CreateUserClient() => CreateUserClient(out _);
}
