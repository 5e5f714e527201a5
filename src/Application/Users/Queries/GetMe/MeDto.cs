namespace TodoClean.Application.Users.Queries.GetMe;

public sealed record MeDto(string Id, string Email, string Name, DateTime CreatedAt);
