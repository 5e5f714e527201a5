using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TodoClean.WebApi.IntegrationTests;

public abstract class ListTodoItemsTests(ApiFactory factory)
{
    public sealed class OnSqlite(SqliteApiFactory factory) : ListTodoItemsTests(factory), IClassFixture<SqliteApiFactory>;

    public sealed class OnPostgres(PostgresApiFactory factory) : ListTodoItemsTests(factory), IClassFixture<PostgresApiFactory>;

    private static async Task<HttpClient> UserWithTodosAsync(ApiFactory factory, params (string Title, bool Done)[] todos)
    {
        var client = factory.CreateUserClient();
        foreach (var (title, done) in todos)
        {
            var todo = await client.CreateTodoAsync(new { title, description = $"about {title}" });
            if (done)
            {
                (await client.PutJsonAsync($"/api/todos/{todo.GetProperty("id").GetString()}", new { title, isDone = true }))
                    .EnsureSuccessStatusCode();
            }
        }

        return client;
    }

    private static string[] Titles(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToArray();

    [Fact]
    public async Task List_WhenNoQuery_ShouldReturnNewestFirstWithPagingMetadata()
    {
        var client = await UserWithTodosAsync(factory, ("first", false), ("second", false), ("third", true));

        var page = await client.GetFromJsonAsync<JsonElement>("/api/todos");

        Titles(page).Should().Equal("third", "second", "first");
        page.GetProperty("page").GetInt32().Should().Be(1);
        page.GetProperty("pageSize").GetInt32().Should().Be(20);
        page.GetProperty("totalCount").GetInt32().Should().Be(3);
        page.GetProperty("totalPages").GetInt32().Should().Be(1);
    }

    [Theory]
    [InlineData("open", new[] { "b", "a" })]
    [InlineData("done", new[] { "c" })]
    [InlineData("all", new[] { "c", "b", "a" })]
    public async Task List_WhenFilteredByStatus_ShouldReturnOnlyMatchingTodos(string status, string[] expected)
    {
        var client = await UserWithTodosAsync(factory, ("a", false), ("b", false), ("c", true));

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/todos?status={status}");

        Titles(page).Should().Equal(expected);
    }

    [Fact]
    public async Task List_WhenSearching_ShouldMatchTitleOrDescriptionIgnoringCase()
    {
        var client = await UserWithTodosAsync(factory, ("Buy MILK", false), ("walk dog", false), ("call mum", false));

        var byTitle = await client.GetFromJsonAsync<JsonElement>("/api/todos?search=milk");
        var byDescription = await client.GetFromJsonAsync<JsonElement>("/api/todos?search=ABOUT%20WALK");

        Titles(byTitle).Should().Equal("Buy MILK");
        Titles(byDescription).Should().Equal("walk dog");
    }

    [Fact]
    public async Task List_WhenSearchingWithWildcardsOrAccents_ShouldMatchTheTextLiterally()
    {
        var client = await UserWithTodosAsync(factory,
            ("100% done", false), ("1000 done", false), ("snake_case", false), ("snakeXcase", false), ("Crème brûlée", false));

        var percent = await client.GetFromJsonAsync<JsonElement>("/api/todos?search=%25");
        var underscore = await client.GetFromJsonAsync<JsonElement>("/api/todos?search=e_c");
        var accented = await client.GetFromJsonAsync<JsonElement>("/api/todos?search=BR%C3%9BL%C3%89E");

        Titles(percent).Should().Equal("100% done");
        Titles(underscore).Should().Equal("snake_case");
        Titles(accented).Should().Equal("Crème brûlée");
    }

    [Fact]
    public async Task List_WhenSearchingNonAsciiText_ShouldIgnoreItsCaseOnEveryStore()
    {
        // SQLite's lower() folds ASCII letters only; the case-folded search key does the rest, the same on both stores.
        var client = await UserWithTodosAsync(factory,
            ("Été à la plage", false), ("ÉTÉ INDIEN", false), ("Hiver", false), ("Straße", false), ("ΣΟΦΙΑ", false));

        var ete = await client.GetFromJsonAsync<JsonElement>($"/api/todos?search={Uri.EscapeDataString("été")}");
        var upper = await client.GetFromJsonAsync<JsonElement>($"/api/todos?search={Uri.EscapeDataString("ÉTÉ")}");
        var strasse = await client.GetFromJsonAsync<JsonElement>($"/api/todos?search={Uri.EscapeDataString("STRAßE")}");
        var greek = await client.GetFromJsonAsync<JsonElement>($"/api/todos?search={Uri.EscapeDataString("σοφια")}");

        Titles(ete).Should().BeEquivalentTo("Été à la plage", "ÉTÉ INDIEN");
        Titles(upper).Should().BeEquivalentTo("Été à la plage", "ÉTÉ INDIEN");
        Titles(strasse).Should().Equal("Straße");
        Titles(greek).Should().Equal("ΣΟΦΙΑ");
    }

    [Fact]
    public async Task List_WhenSortedByTitle_ShouldIgnoreCaseAndOrderByCodePointOnEveryStore()
    {
        // Titles are ordered by their case-folded form, compared code point by code point on both stores. A PostgreSQL
        // server with a linguistic default collation (the test server uses ICU "en") would put "Éclair" between
        // "banana" and "egg" unless the column says "C".
        var client = await UserWithTodosAsync(factory,
            ("zebra", false), ("Éclair", false), ("_notes", false), ("Apple", false), ("egg", false), ("banana", false));

        var page = await client.GetFromJsonAsync<JsonElement>("/api/todos?sort=title");

        Titles(page).Should().Equal("_notes", "Apple", "banana", "egg", "zebra", "Éclair");
    }

    [Fact]
    public async Task List_WhenPaging_ShouldSplitPagesAndSortByTitle()
    {
        var client = await UserWithTodosAsync(factory, ("d", false), ("b", false), ("a", false), ("c", false), ("e", false));

        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/todos?sort=title&page=2&pageSize=2");

        Titles(page2).Should().Equal("c", "d");
        page2.GetProperty("totalPages").GetInt32().Should().Be(3);
        page2.GetProperty("totalCount").GetInt32().Should().Be(5);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("status=finished", "status")]
    [InlineData("sort=priority", "sort")]
    public async Task List_WhenQueryIsOutOfRange_ShouldReturn400NamingTheParameter(string query, string field)
    {
        var client = factory.CreateUserClient();

        var response = await client.GetAsync($"/api/todos?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task List_WhenPageIsNotANumber_ShouldReturn400NotA500()
    {
        var client = factory.CreateUserClient();

        var response = await client.GetAsync("/api/todos?page=abc");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("page")[0].GetString()
            .Should().Be("page must be a whole number.");
    }
}
