using Microsoft.AspNetCore.Http;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>Writes an <see cref="ApiError"/> in a client dialect. The first writer that accepts the request wins.</summary>
public interface IApiErrorWriter
{
    bool CanWrite(HttpContext context);

    ValueTask WriteAsync(HttpContext context, ApiError error);
}
