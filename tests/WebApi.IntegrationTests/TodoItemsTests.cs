using System.Net;
using System.Net.Http.Json;

namespace TodoClean.WebApi.IntegrationTests;

public abstract class TodoItemsTests(ApiFactory factory)
{
    public sealed class OnSqlite(SqliteApiFactory factory) : TodoItemsTests(factory), IClassFixture<SqliteApiFactory>;

    public sealed class OnPostgres(PostgresApiFactory factory) : TodoItemsTests(factory), IClassFixture<PostgresApiFactory>;

    [Fact]
    public async Task Create_WhenValid_ShouldReturn201WithLocationETagAndDefaults()
    {
        var client = factory.CreateUserClient();

        var response = await client.PostAsJsonAsync("/api/todos", new { title = "  Buy milk  ", description = "2 litres" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var todo = await response.JsonAsync();
        var id = todo.GetProperty("id").GetString();
        Guid.TryParse(id, out _).Should().BeTrue();
        response.Headers.Location!.ToString().Should().Be($"/api/todos/{id}");
        response.Headers.ETag!.Tag.Should().Be($"\"{todo.GetProperty("version").GetString()}\"");
        todo.GetProperty("title").GetString().Should().Be("Buy milk");
        todo.GetProperty("description").GetString().Should().Be("2 litres");
        todo.GetProperty("isDone").GetBoolean().Should().BeFalse();
        todo.GetProperty("priority").GetString().Should().Be("normal");
        todo.GetProperty("completedAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        todo.GetProperty("createdAt").GetString().Should().EndWith("Z");
    }

    [Fact]
    public async Task Create_WhenClientSendsFieldsItMayNotSet_ShouldIgnoreThem()
    {
        var client = factory.CreateUserClient();
        var chosenId = Guid.NewGuid();

        var todo = await client.CreateTodoAsync(new
        {
            title = "Mine", id = chosenId, ownerId = "someone-else", createdAt = "2000-01-01T00:00:00Z", version = "99", isDone = true,
        });

        todo.GetProperty("id").GetGuid().Should().NotBe(chosenId);
        todo.GetProperty("createdAt").GetString().Should().NotStartWith("2000");
        todo.GetProperty("version").GetString().Should().NotBe("99");
        (await client.GetAsync($"/api/todos/{todo.GetProperty("id").GetString()}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"title":"   "}""", "title")]
    [InlineData("""{"description":"no title"}""", "title")]
    [InlineData("""{"title":"x","priority":"urgent"}""", "priority")]
    [InlineData("""{"title":"x","dueAt":"next tuesday"}""", "dueAt")]
    [InlineData("""{"title":42}""", "title")]
    public async Task Create_WhenAFieldIsInvalid_ShouldReturn400ProblemNamingTheField(string body, string field)
    {
        var client = factory.CreateUserClient();

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/todos", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").TryGetProperty(field, out var messages).Should().BeTrue(problem.ToString());
        messages[0].GetString().Should().NotBeNullOrWhiteSpace();
        problem.GetProperty("traceId").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Create_WhenTitleIsTooLong_ShouldReturn400AndSaveNothing()
    {
        var client = factory.CreateUserClient();

        var response = await client.PostAsJsonAsync("/api/todos", new { title = new string('t', 201) });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/todos")).GetProperty("totalCount").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Create_WhenBodyIsNotJson_ShouldReturn415Or400NotA500()
    {
        var client = factory.CreateUserClient();

        var wrongType = await client.SendRawAsync(HttpMethod.Post, "/api/todos", "title=x", "application/x-www-form-urlencoded");
        var broken = await client.SendRawAsync(HttpMethod.Post, "/api/todos", "{\"title\":");

        wrongType.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Update_WhenMarkedDone_ShouldStampCompletedAtBumpVersionAndClearItWhenReopened()
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "Task" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";

        var done = await client.PutJsonAsync(path, new { title = "Task", description = (string?)null, isDone = true, dueAt = (string?)null, priority = "high" });
        var doneBody = await done.JsonAsync();
        var reopened = await (await client.PutJsonAsync(path, new { title = "Task", isDone = false })).JsonAsync();

        done.StatusCode.Should().Be(HttpStatusCode.OK);
        doneBody.GetProperty("isDone").GetBoolean().Should().BeTrue();
        doneBody.GetProperty("priority").GetString().Should().Be("high");
        doneBody.GetProperty("completedAt").GetString().Should().NotBeNull();
        doneBody.GetProperty("version").GetString().Should().NotBe(todo.GetProperty("version").GetString());
        done.Headers.ETag!.Tag.Should().Be($"\"{doneBody.GetProperty("version").GetString()}\"");
        reopened.GetProperty("completedAt").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Update_WhenIfMatchIsStale_ShouldReturn412AndKeepTheNewerEdit()
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "v1" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";
        var etag = $"\"{todo.GetProperty("version").GetString()}\"";

        var first = await client.PutJsonAsync(path, new { title = "edit from tab 1", isDone = false }, ifMatch: etag);
        var second = await client.PutJsonAsync(path, new { title = "edit from tab 2", isDone = false }, ifMatch: etag);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await second.JsonAsync()).GetProperty("status").GetInt32().Should().Be(412);
        (await (await client.GetAsync(path)).JsonAsync()).GetProperty("title").GetString().Should().Be("edit from tab 1");
    }

    [Fact]
    public async Task Update_WhenIfMatchIsAWeakTagOfTheCurrentVersion_ShouldReturn412AndChangeNothing()
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "v1" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";

        var response = await client.PutJsonAsync(
            path, new { title = "weakly matched", isDone = false }, ifMatch: $"W/\"{todo.GetProperty("version").GetString()}\"");

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed, "If-Match compares entity tags strongly");
        (await (await client.GetAsync(path)).JsonAsync()).GetProperty("title").GetString().Should().Be("v1");
    }

    [Theory]
    [InlineData("{\"title\":\"x\",\"isDone\":null}", "null")]
    [InlineData("{\"title\":\"x\"}", "missing")]
    public async Task Update_WhenIsDoneIsNullOrMissing_ShouldReturn400NamingTheFieldAndChangeNothing(string body, string why)
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "v1" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";
        (await client.PutJsonAsync(path, new { title = "v1", isDone = true })).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await client.SendRawAsync(HttpMethod.Put, path, body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"isDone {why} is not false");
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty("isDone", out _).Should().BeTrue();
        var stored = await (await client.GetAsync(path)).JsonAsync();
        stored.GetProperty("isDone").GetBoolean().Should().BeTrue();
        stored.GetProperty("title").GetString().Should().Be("v1");
    }

    [Fact]
    public async Task Update_WhenIfMatchIsGarbage_ShouldReturn412()
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "v1" });

        var response = await client.PutJsonAsync($"/api/todos/{todo.GetProperty("id").GetString()}", new { title = "x", isDone = false }, ifMatch: "\"abc\"");

        response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Delete_ShouldRemoveTheTodoAndAnswer404Afterwards()
    {
        var client = factory.CreateUserClient();
        var todo = await client.CreateTodoAsync(new { title = "temporary" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";

        var deleted = await client.DeleteAsync(path);

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.DeleteAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherUsersTodo_ShouldBe404ForReadUpdateAndDelete()
    {
        var owner = factory.CreateUserClient();
        var stranger = factory.CreateUserClient();
        var todo = await owner.CreateTodoAsync(new { title = "private" });
        var path = $"/api/todos/{todo.GetProperty("id").GetString()}";

        (await stranger.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PutJsonAsync(path, new { title = "hijacked", isDone = false })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await owner.GetAsync(path)).JsonAsync()).GetProperty("title").GetString().Should().Be("private");
    }

    [Fact]
    public async Task WrongMethod_ShouldReturn405Problem()
    {
        var client = factory.CreateUserClient();

        var response = await client.PatchAsync("/api/todos", null);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await response.JsonAsync()).GetProperty("status").GetInt32().Should().Be(405);
    }
}
