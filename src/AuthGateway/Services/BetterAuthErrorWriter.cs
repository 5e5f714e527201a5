using System.Text.Json.Serialization;
using TodoClean.Application.Auth.Common;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.AuthGateway.Services;

/// <summary>Errors under <c>/api/auth</c> in Better Auth's shape, <c>{"message": …, "code": …}</c>, which its client reads.</summary>
internal sealed class BetterAuthErrorWriter : IApiErrorWriter
{
    private static readonly HashSet<string> BetterAuthFieldCodes =
        [AuthErrors.InvalidEmailCode, AuthErrors.PasswordTooShortCode, AuthErrors.PasswordTooLongCode];

    private const string BodyMustBeAnObject = "BODY_MUST_BE_AN_OBJECT";

    public bool Covers(PathString path) => path.StartsWithSegments("/api/auth");

    public Type BodyType => typeof(BetterAuthError);

    public async ValueTask WriteAsync(HttpContext context, ApiError error)
    {
        if (error.Status == StatusCodes.Status404NotFound)
        {
            // Better Auth's unknown route (and wrong method): a 404 with no body.
            return;
        }

        var (message, code) = Translate(error, context.Request.Path.Value ?? string.Empty);
        // A few Better Auth errors (e.g. "No fields to update") carry no code at all.
        await context.Response.WriteAsJsonAsync(
            new BetterAuthError(message, string.IsNullOrEmpty(code) ? null : code), context.RequestAborted);
    }

    /// <summary>
    /// Field errors Better Auth has its own code for (e.g. <c>PASSWORD_TOO_SHORT</c>) keep that code; otherwise they
    /// become <c>VALIDATION_ERROR</c> with zod-style <c>[body.field] message</c> parts joined by <c>"; "</c>.
    /// </summary>
    internal static (string Message, string Code) Translate(ApiError error, string path)
    {
        if (error.Code == BodyMustBeAnObject && !path.EndsWith("/update-user", StringComparison.Ordinal))
        {
            // Only update-user says BODY_MUST_BE_AN_OBJECT; Better Auth's other endpoints fail their body schema.
            return ($"[body] {error.Detail}", "VALIDATION_ERROR");
        }

        if (error.Failures is not { Count: > 0 } failures)
        {
            return (error.Detail, error.Code);
        }

        // Better Auth checks the body schema before its own field rules, so a schema error wins.
        if (failures.All(f => f.ErrorCode is not null && BetterAuthFieldCodes.Contains(f.ErrorCode)))
        {
            return (failures[0].ErrorMessage, failures[0].ErrorCode);
        }

        var parts = failures.Select(f => $"[body.{CamelCase(f.PropertyName)}] {f.ErrorMessage}").Distinct();
        return (string.Join("; ", parts), "VALIDATION_ERROR");
    }

    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Better Auth's error body: a message for people and, for most errors, a code for programs.</summary>
    internal sealed record BetterAuthError(
        string Message, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code);
}
