using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>What the todo store guarantees under parallel requests, on every provider: no lost writes.</summary>
public abstract class ConcurrencyTests(ApiFactory factory)
{
    public sealed class OnSqlite(SqliteApiFactory factory) : ConcurrencyTests(factory), IClassFixture<SqliteApiFactory>;

    public sealed class OnPostgres(PostgresApiFactory factory) : ConcurrencyTests(factory), IClassFixture<PostgresApiFactory>;

    [Fact]
    public async Task Create_WhenANewUserSendsManyInParallel_ShouldProvisionOnceAndKeepEveryTodo()
    {
        var client = factory.CreateUserClient(out var userId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            client.PostAsJsonAsync("/api/todos", new { title = $"parallel {i}" })));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/todos?pageSize=100");
        page.GetProperty("totalCount").GetInt32().Should().Be(40);
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString())
            .Should().BeEquivalentTo(Enumerable.Range(0, 40).Select(i => $"parallel {i}"));
        (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString().Should().Be(userId);
    }

    [Fact]
    public async Task Update_WhenManyEditsRaceWithoutIfMatch_ShouldApplyEachAcceptedOneAndRefuseTheRestWith412()
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "v1" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PutJsonAsync(path, new { title = $"edit {i}", isDone = false })));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.PreconditionFailed);
        var accepted = new List<JsonElement>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            accepted.Add(await response.JsonAsync());
        }

        accepted.Should().NotBeEmpty();
        accepted.Select(a => a.GetProperty("version").GetString()).Should().OnlyHaveUniqueItems("two edits never share a version");
        var final = await (await client.GetAsync(path)).JsonAsync();
        final.GetProperty("version").GetString().Should().Be((1 + accepted.Count).ToString(System.Globalization.CultureInfo.InvariantCulture));
        final.GetProperty("title").GetString().Should().BeOneOf(accepted.Select(a => a.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Update_WhenManyEditsRaceWithTheSameIfMatch_ShouldAcceptExactlyOne()
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "v1" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";
        var etag = $"\"{todo.GetProperty("version").GetString()}\"";

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.PutJsonAsync(path, new { title = $"edit {i}", isDone = false }, ifMatch: etag)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(19);
    }
}
