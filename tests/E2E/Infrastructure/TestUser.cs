namespace TodoClean.E2E.Infrastructure;

/// <summary>A user that does not exist yet: a unique email per test.</summary>
public sealed record TestUser(string Name, string Email, string Password)
{
    public static TestUser Create(string name = "Ada Lovelace") =>
        new(name, $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", "correct horse battery");
}
