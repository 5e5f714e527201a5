using System.Text.Json.Serialization;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Common.Models;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Application.Users.Queries.GetMe;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// Source-generated JSON metadata for the application's response and request types: no reflection or code emission
/// when a host first writes them (faster start, less memory). It sits first in the hosts' resolver chain
/// (<see cref="HostDefaults.ConfigureJson"/>), so the hosts' own settings still apply: camelCase names, enums as
/// camelCase strings, UTC times with milliseconds; types it does not list fall back to reflection.
/// </summary>
[JsonSerializable(typeof(PaginatedList<TodoItemDto>))]
[JsonSerializable(typeof(TodoItemDto))]
[JsonSerializable(typeof(MeDto))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(SessionDto))]
[JsonSerializable(typeof(IReadOnlyList<SessionDto>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
