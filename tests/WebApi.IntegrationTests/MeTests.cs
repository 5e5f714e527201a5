using System.Net.Http.Json;
using System.Text.Json;
using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

public abstract class MeTests(ApiFactory factory)
{
    public sealed class OnSqlite(SqliteApiFactory factory) : MeTests(factory), IClassFixture<SqliteApiFactory>;

    public sealed class OnPostgres(PostgresApiFactory factory) : MeTests(factory), IClassFixture<PostgresApiFactory>;

    [Fact]
    public async Task Me_WhenCalledFirstTime_ShouldProvisionTheUserKeyedByTheTokenSubject()
    {
        var userId = $"gw{Guid.NewGuid():N}";
        var client = factory.CreateClient().WithBearer(JwtForge.Valid(userId, "first@example.com", "First Name"));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        me.GetProperty("id").GetString().Should().Be(userId);
        me.GetProperty("email").GetString().Should().Be("first@example.com");
        me.GetProperty("name").GetString().Should().Be("First Name");
    }

    [Fact]
    public async Task Me_WhenTheTokenCarriesANewName_ShouldKeepTheIdAndCreationTimeAndShowTheNewName()
    {
        var userId = $"gw{Guid.NewGuid():N}";
        var before = await factory.CreateClient().WithBearer(JwtForge.Valid(userId, "a@example.com", "Old"))
            .GetFromJsonAsync<JsonElement>("/api/me");

        var after = await factory.CreateClient().WithBearer(JwtForge.Valid(userId, "a@example.com", "New"))
            .GetFromJsonAsync<JsonElement>("/api/me");

        after.GetProperty("id").GetString().Should().Be(userId);
        after.GetProperty("name").GetString().Should().Be("New");
        after.GetProperty("createdAt").GetString().Should().Be(before.GetProperty("createdAt").GetString());
    }
}
