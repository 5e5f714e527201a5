using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>The todo API on a fresh store of <paramref name="provider"/>, with the test secret.</summary>
public class ApiFactory(StoreProvider provider)
    : TestHostFactory<IWebApiMarker>(provider, "todos", store => HostSettings.Api(store))
{
    /// <summary>A client acting as a brand-new user (a JWT for a random user id).</summary>
    public HttpClient CreateUserClient(out string userId)
    {
        userId = $"user{Guid.NewGuid():N}";
        return CreateClient().WithBearer(JwtForge.Valid(userId));
    }

    public HttpClient CreateUserClient() => CreateUserClient(out _);
}
