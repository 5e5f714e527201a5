using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Infrastructure.Persistence.Todos;

namespace TodoClean.Architecture.Tests.Violations.Endpoints;

/// <summary>
/// Deliberate violation: an endpoint that pulls the concrete context out of the container, only inside an async body
/// (the dependency sits in the compiler-generated state machine, not in any signature).
/// </summary>
internal static class PersistenceEndpoints
{
    public static async Task<bool> HasStore(HttpContext context)
    {
        await Task.Yield();
        return context.RequestServices.GetRequiredService<TodoDbContext>() is not null;
    }
}
