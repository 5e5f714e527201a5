using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests.Infrastructure;

/// <summary>The shapes every refusal must have, and what no response may ever contain.</summary>
public static partial class SecurityAssertions
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Stack frames, exception type names and library error codes: internals a client must never see.</summary>
    public static void ShouldNotLeakInternals(string body, string because = "")
    {
        body.Should().NotContain("   at ", because);
        body.Should().NotContain("Exception", because);
        body.Should().NotContain("Microsoft.IdentityModel", because);
        body.Should().NotContain("System.", because);
        LibraryErrorCode().IsMatch(body).Should().BeFalse($"no library error codes (IDX…) {because}: {Trim(body)}");
        body.Should().NotContain(TestSecrets.JwtSecret, because);
        body.Should().NotContain(TestSecrets.OtherJwtSecret, because);
    }

    /// <summary>
    /// 401, <c>WWW-Authenticate: Bearer</c> (with <c>error="invalid_token"</c> exactly when a token was sent), an RFC 9457
    /// problem, no internals.
    /// </summary>
    public static async Task ShouldBeUnauthorizedProblemAsync(this HttpResponseMessage response, bool tokenSent, string because = "")
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{because} (body: {Trim(body)})");
        var challenge = response.Headers.WwwAuthenticate.ToString();
        if (tokenSent)
        {
            challenge.Should().StartWith("Bearer").And.Contain("error=\"invalid_token\"", because);
        }
        else
        {
            challenge.Should().Be("Bearer", because);
        }

        (response.Content.Headers.ContentType?.MediaType).Should().Be(ProblemJson, because);
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().Should().Be(401, because);
        ShouldNotLeakInternals(body, because);
    }

    /// <summary>An RFC 9457 problem with <paramref name="status"/> and no internals; returns the parsed body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string because = "")
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, $"{because} (body: {Trim(body)})");
        (response.Content.Headers.ContentType?.MediaType).Should().Be(ProblemJson, $"{because} (body: {Trim(body)})");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be((int)status, because);
        problem.TryGetProperty("title", out _).Should().BeTrue(because);
        ShouldNotLeakInternals(body, because);
        return problem;
    }

    /// <summary>A gateway error in Better Auth's shape, <c>{message, code}</c>, with <paramref name="status"/> and <paramref name="code"/>.</summary>
    public static async Task<JsonElement> ShouldBeAuthErrorAsync(
        this HttpResponseMessage response, HttpStatusCode status, string code, string because = "")
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, $"{because} (body: {Trim(body)})");
        var error = JsonDocument.Parse(body).RootElement.Clone();
        error.GetProperty("code").GetString().Should().Be(code, because);
        error.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace(because);
        ShouldNotLeakInternals(body, because);
        return error;
    }

    public static string Trim(string text) => text.Length <= 400 ? text : text[..400] + "…";

    [GeneratedRegex(@"IDX\d{4,5}")]
    private static partial Regex LibraryErrorCode();
}
