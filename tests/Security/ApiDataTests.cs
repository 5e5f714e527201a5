using System.Net;
using System.Text.Json;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>API data (docs/security.md): ownership, writable fields only, clear input errors, no lost or stale writes.</summary>
[Collection(SecurityHostsCollection.Name)]
public sealed class ApiDataTests(SecurityHostsFixture hosts)
{
    private HttpClient Api => hosts.Api;

    private static string NewUser() => JwtForge.Valid(Claims.NewUserId());

    private async Task<JsonElement> CreateAsync(string bearer, object body)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/api/todos", bearer, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).Order();

    // ---- ownership ----

    [Fact]
    public async Task Ownership_AnotherUsersTodo_IsA404LikeAMissingOne()
    {
        var owner = NewUser();
        var intruder = NewUser();
        var todo = await CreateAsync(owner, new { title = "private", description = "owner only" });
        var id = todo.GetProperty("id").GetString();
        var missing = Guid.NewGuid();
        var update = new { title = "hijacked", description = (string?)null, isDone = true, dueAt = (string?)null, priority = "high" };

        var attempts = new (string Name, HttpResponseMessage Theirs, HttpResponseMessage Missing)[]
        {
            ("GET", await Api.SendAsync(HttpMethod.Get, $"/api/todos/{id}", intruder),
                await Api.SendAsync(HttpMethod.Get, $"/api/todos/{missing}", intruder)),
            ("PUT", await Api.SendAsync(HttpMethod.Put, $"/api/todos/{id}", intruder, update),
                await Api.SendAsync(HttpMethod.Put, $"/api/todos/{missing}", intruder, update)),
            ("DELETE", await Api.SendAsync(HttpMethod.Delete, $"/api/todos/{id}", intruder),
                await Api.SendAsync(HttpMethod.Delete, $"/api/todos/{missing}", intruder)),
        };

        foreach (var (name, theirs, absent) in attempts)
        {
            var theirsProblem = await theirs.ShouldBeProblemAsync(HttpStatusCode.NotFound, $"{name} on another user's todo");
            var absentProblem = await absent.ShouldBeProblemAsync(HttpStatusCode.NotFound, $"{name} on a missing todo");
            PropertyNames(theirsProblem).Should().Equal(PropertyNames(absentProblem), name);
            theirsProblem.GetProperty("title").GetString().Should().Be(absentProblem.GetProperty("title").GetString());
            theirsProblem.GetProperty("detail").GetString().Should().Be(absentProblem.GetProperty("detail").GetString());
            theirs.Headers.ETag.Should().BeNull();
        }

        var after = await (await Api.SendAsync(HttpMethod.Get, $"/api/todos/{id}", owner)).JsonAsync();
        after.GetProperty("title").GetString().Should().Be("private", "the intruder's PUT and DELETE changed nothing");
        after.GetProperty("isDone").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Ownership_ListAndSearch_ShowOnlyTheCallersTodos()
    {
        var owner = NewUser();
        var intruder = NewUser();
        var marker = Guid.NewGuid().ToString("N");
        await CreateAsync(owner, new { title = $"secret {marker}" });

        var list = await (await Api.SendAsync(HttpMethod.Get, $"/api/todos?search={marker}&status=all", intruder)).JsonAsync();

        list.GetProperty("totalCount").GetInt32().Should().Be(0);
        list.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    // ---- mass assignment ----

    [Fact]
    public async Task MassAssignment_IdOwnerIdAndCreatedAtInACreateBody_AreIgnored()
    {
        var victimId = Claims.NewUserId();
        var victim = JwtForge.Valid(victimId);
        var attacker = NewUser();
        var chosenId = Guid.NewGuid();

        var created = await CreateAsync(attacker, new
        {
            id = chosenId,
            ownerId = victimId,
            createdAt = "2001-01-01T00:00:00.000Z",
            updatedAt = "2001-01-01T00:00:00.000Z",
            completedAt = "2001-01-01T00:00:00.000Z",
            version = "999",
            title = "planted",
        });

        created.GetProperty("id").GetString().Should().NotBe(chosenId.ToString());
        created.GetProperty("createdAt").GetDateTime().Should().BeAfter(DateTime.UtcNow.AddMinutes(-5));
        created.GetProperty("completedAt").ValueKind.Should().Be(JsonValueKind.Null);
        created.TryGetProperty("ownerId", out _).Should().BeFalse("the owner is never part of the contract");
        (await Api.SendAsync(HttpMethod.Get, $"/api/todos/{chosenId}", attacker)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var victimList = await (await Api.SendAsync(HttpMethod.Get, "/api/todos?search=planted", victim)).JsonAsync();
        victimList.GetProperty("totalCount").GetInt32().Should().Be(0, "ownerId in the body does not plant a todo on someone else");
        (await Api.SendAsync(HttpMethod.Get, $"/api/todos/{created.GetProperty("id").GetString()}", attacker)).StatusCode
            .Should().Be(HttpStatusCode.OK, "the todo belongs to its creator");
    }

    [Fact]
    public async Task MassAssignment_IdOwnerIdAndCreatedAtInAnUpdateBody_AreIgnored()
    {
        var victimId = Claims.NewUserId();
        var owner = NewUser();
        var todo = await CreateAsync(owner, new { title = "mine" });
        var id = todo.GetProperty("id").GetString();

        var response = await Api.SendAsync(HttpMethod.Put, $"/api/todos/{id}", owner, new
        {
            id = Guid.NewGuid(),
            ownerId = victimId,
            createdAt = "2001-01-01T00:00:00.000Z",
            title = "still mine",
            description = (string?)null,
            isDone = false,
            dueAt = (string?)null,
            priority = "low",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var updated = await response.JsonAsync();
        updated.GetProperty("id").GetString().Should().Be(id);
        updated.GetProperty("createdAt").GetString().Should().Be(todo.GetProperty("createdAt").GetString());
        (await Api.SendAsync(HttpMethod.Get, $"/api/todos/{id}", owner)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Api.SendAsync(HttpMethod.Get, $"/api/todos/{id}", JwtForge.Valid(victimId))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    // ---- input errors ----

    [Theory]
    [InlineData("{\"title\":\"x\",\"priority\":\"urgent\"}", "priority")]
    [InlineData("{\"title\":\"x\",\"priority\":3}", "priority")]
    [InlineData("{\"title\":123}", "title")]
    [InlineData("{\"title\":[\"x\"]}", "title")]
    [InlineData("{\"title\":\"x\",\"dueAt\":\"next tuesday\"}", "dueAt")]
    [InlineData("{\"title\":\"x\",\"description\":{\"a\":1}}", "description")]
    public async Task Input_UnknownEnumOrWrongJsonTypeOnCreate_Is400NamingTheField(string body, string field)
    {
        var response = await Api.SendRawAsync(HttpMethod.Post, "/api/todos", body, Http.JsonType, NewUser());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, body);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().Contain(name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase), $"the problem names '{field}'");
    }

    [Theory]
    [InlineData("{\"title\":\"x\",\"isDone\":\"yes\",\"priority\":\"low\"}", "isDone")]
    [InlineData("{\"title\":\"x\",\"isDone\":false,\"priority\":\"urgent\"}", "priority")]
    public async Task Input_UnknownEnumOrWrongJsonTypeOnUpdate_Is400NamingTheField(string body, string field)
    {
        var owner = NewUser();
        var todo = await CreateAsync(owner, new { title = "x" });

        var response = await Api.SendRawAsync(HttpMethod.Put, $"/api/todos/{todo.GetProperty("id").GetString()}", body, Http.JsonType, owner);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, body);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .Should().Contain(name => string.Equals(name, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Input_OversizedBody_Is413Problem()
    {
        var body = JsonSerializer.Serialize(new { title = "x", description = new string('d', 100_000) });

        var response = await Api.SendRawAsync(HttpMethod.Post, "/api/todos", body, Http.JsonType, NewUser(), Http.ExpectContinue);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "a 100 KB body");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task Input_WrongContentType_Is415Problem(string? contentType)
    {
        var response = await Api.SendRawAsync(HttpMethod.Post, "/api/todos", "{\"title\":\"x\"}", contentType, NewUser());

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, contentType ?? "no content type");
    }

    [Theory]
    [InlineData("PATCH", "/api/todos")]
    [InlineData("PATCH", "/api/todos/0190a4c8-7b7e-7c3a-9d1e-111111111111")]
    [InlineData("PUT", "/api/todos")]
    [InlineData("DELETE", "/api/todos")]
    [InlineData("POST", "/api/todos/0190a4c8-7b7e-7c3a-9d1e-111111111111")]
    public async Task Input_UnsupportedMethod_Is405Problem(string method, string path)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path, NewUser(), new { title = "x" });

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, $"{method} {path}");
    }

    [Fact]
    public async Task Update_WithAStaleIfMatch_Is412AndDoesNotOverwrite()
    {
        var owner = NewUser();
        var todo = await CreateAsync(owner, new { title = "v1" });
        var id = todo.GetProperty("id").GetString();
        var stale = $"\"{todo.GetProperty("version").GetString()}\"";
        var first = await Api.SendAsync(HttpMethod.Put, $"/api/todos/{id}", owner,
            new { title = "v2", isDone = false, priority = "normal" }, new Dictionary<string, string> { ["If-Match"] = stale });
        first.StatusCode.Should().Be(HttpStatusCode.OK);

        var second = await Api.SendAsync(HttpMethod.Put, $"/api/todos/{id}", owner,
            new { title = "v3 from a stale copy", isDone = false, priority = "normal" }, new Dictionary<string, string> { ["If-Match"] = stale });

        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "the version moved on");
        (await (await Api.SendAsync(HttpMethod.Get, $"/api/todos/{id}", owner)).JsonAsync())
            .GetProperty("title").GetString().Should().Be("v2");
    }
}
