using Microsoft.AspNetCore.Http;

namespace TodoClean.Infrastructure.Hosting;

/// <summary>
/// Writes an <see cref="ApiError"/> in a client dialect for the paths it covers. The first writer that covers a request's
/// path wins; the API description documents the errors of those paths with <see cref="BodyType"/>.
/// </summary>
public interface IApiErrorWriter
{
    bool Covers(PathString path);

    /// <summary>The JSON body this writer answers with (<c>application/json</c>), as the API description shows it.</summary>
    Type BodyType { get; }

    ValueTask WriteAsync(HttpContext context, ApiError error);
}
