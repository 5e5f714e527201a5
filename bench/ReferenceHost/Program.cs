// The load test's reference host: GET and POST /api/todos as a competent developer writes them without any architecture
// (one file, minimal API, JwtBearer, Microsoft.Data.Sqlite, a new connection and command per request). It serves the
// same SQLite store as the API (the app's schema), validates the same HS256 JWTs and answers with the same JSON, so the
// load test can price the architecture: the API's throughput divided by this host's, in the same run.
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var secret = builder.Configuration["BACKEND_JWT_SECRET"] ?? throw new InvalidOperationException("Set BACKEND_JWT_SECRET.");
var store = builder.Configuration.GetConnectionString("Todos") ?? throw new InvalidOperationException("Set ConnectionStrings__Todos.");

builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
{
    options.MapInboundClaims = false;
    options.TokenValidationParameters = new TokenValidationParameters
    {
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
        ValidIssuer = "todoclean-auth",
        ValidAudience = "todoclean-api",
        ClockSkew = TimeSpan.FromSeconds(30),
    };
});
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    options.SerializerOptions.Converters.Add(new UtcMillisecondsConverter());
});

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/alive", () => "ok");

// The owner's page, newest first, and the total on every row: one statement, as the API's read side.
app.MapGet("/api/todos", async (ClaimsPrincipal user, int? page, int? pageSize) =>
{
    var (number, size) = (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, 100));
    await using var connection = new SqliteConnection(store);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT "Id", "Title", "Description", "IsDone", "Priority", "DueAt", "CreatedAt", "UpdatedAt", "CompletedAt", "Version",
               COUNT(*) OVER ()
        FROM todo_items WHERE "OwnerId" = $owner
        ORDER BY "CreatedAt" DESC, "Id" DESC
        LIMIT $take OFFSET $skip
        """;
    command.Parameters.AddWithValue("$owner", user.FindFirstValue("sub"));
    command.Parameters.AddWithValue("$take", size);
    command.Parameters.AddWithValue("$skip", (number - 1) * size);
    var items = new List<Todo>(size);
    var total = 0;
    await using (var reader = await command.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            items.Add(new Todo(
                reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetBoolean(3),
                Enum.Parse<Priority>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetDateTime(5), reader.GetDateTime(6),
                reader.GetDateTime(7), reader.IsDBNull(8) ? null : reader.GetDateTime(8), reader.GetInt64(9).ToString(CultureInfo.InvariantCulture)));
            total = reader.GetInt32(10);
        }
    }

    if (items.Count == 0 && number > 1)
    {
        command.CommandText = """SELECT COUNT(*) FROM todo_items WHERE "OwnerId" = $owner""";
        total = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    return Results.Ok(new TodoPage(items, number, size, total));
}).RequireAuthorization();

// The caller's mirror row (created, or refreshed when the token says otherwise) and the new todo, in one transaction.
app.MapPost("/api/todos", async (ClaimsPrincipal user, NewTodo input) =>
{
    var title = input.Title?.Trim();
    if (string.IsNullOrEmpty(title) || title.Length > 200 || input.Description?.Length > 2000)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["A title of 1 to 200 characters and a description of at most 2000."] });
    }

    var now = DateTime.UtcNow;
    var todo = new Todo(Guid.CreateVersion7(now), title, input.Description, false, input.Priority ?? Priority.Normal,
        input.DueAt?.ToUniversalTime(), now, now, null, "1");
    await using var connection = new SqliteConnection(store);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    // Wait inside SQLite when another writer holds the lock; commit without an fsync (WAL): the API's settings.
    command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";
    await command.ExecuteNonQueryAsync();
    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
    command.Transaction = transaction;
    command.CommandText = """
        INSERT INTO users ("Id", "Email", "Name", "EmailVerified", "CreatedAt", "UpdatedAt") VALUES ($owner, $email, $name, 0, $now, $now)
        ON CONFLICT ("Id") DO UPDATE SET "Email" = excluded."Email", "Name" = excluded."Name", "UpdatedAt" = excluded."UpdatedAt"
        WHERE "Email" <> excluded."Email" OR "Name" <> excluded."Name";
        INSERT INTO todo_items ("Id", "OwnerId", "Title", "Description", "IsDone", "Priority", "DueAt", "CreatedAt", "UpdatedAt", "Version", "SearchKey")
        VALUES ($id, $owner, $title, $description, 0, $priority, $due, $now, $now, 1, $search);
        """;
    command.Parameters.AddWithValue("$owner", user.FindFirstValue("sub"));
    command.Parameters.AddWithValue("$email", (user.FindFirstValue("email") ?? "").Trim().ToLowerInvariant());
    command.Parameters.AddWithValue("$name", user.FindFirstValue("name") ?? "");
    command.Parameters.AddWithValue("$now", now);
    command.Parameters.AddWithValue("$id", todo.Id.ToString().ToUpperInvariant());
    command.Parameters.AddWithValue("$title", title);
    command.Parameters.AddWithValue("$description", (object?)input.Description ?? DBNull.Value);
    command.Parameters.AddWithValue("$priority", todo.Priority.ToString());
    command.Parameters.AddWithValue("$due", (object?)todo.DueAt ?? DBNull.Value);
    command.Parameters.AddWithValue("$search", title.ToLowerInvariant() + "\n" + (input.Description ?? "").ToLowerInvariant());
    await command.ExecuteNonQueryAsync();
    await transaction.CommitAsync();
    return Results.Created($"/api/todos/{todo.Id}", todo);
}).RequireAuthorization();

app.Run();

internal enum Priority { Low, Normal, High }

internal sealed record Todo(
    Guid Id, string Title, string? Description, bool IsDone, Priority Priority, DateTime? DueAt, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? CompletedAt, string Version);

internal sealed record TodoPage(IReadOnlyList<Todo> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => (TotalCount + PageSize - 1) / PageSize;
}

internal sealed record NewTodo(string? Title, string? Description, DateTime? DueAt, Priority? Priority);

/// <summary>Times as the API writes them: UTC with milliseconds (the store's times are UTC without a kind).</summary>
internal sealed class UtcMillisecondsConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
}
