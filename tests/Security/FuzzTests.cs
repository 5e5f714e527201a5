using System.Text;
using Microsoft.IdentityModel.Tokens;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>
/// A small, seeded fuzz pass (same inputs every run): malformed JWTs, JSON bodies and query strings. Whatever the
/// input, no 5xx and no stack text (docs/security.md: malformed input is a 4xx, never a 500; no exception text).
/// </summary>
[Collection(SecurityHostsCollection.Name)]
public sealed class FuzzTests(SecurityHostsFixture hosts)
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly string[] Algorithms = ["HS256", "HS384", "none", "RS256", "ES256", "", "hs256", "HS256 ", "PS512", "dir"];
    private static readonly string[] ContentTypes =
        ["application/json", "application/json", "application/json", "application/json; charset=utf-16", "text/json", "application/merge-patch+json", "application/x-www-form-urlencoded", "text/plain", "application/json; charset=latin1", "*/*"];

    [Fact]
    public async Task Fuzz_ThreeHundredMalformedJwts_NeverA5xx()
    {
        var random = new Random(1234);
        var failures = new List<string>();

        for (var i = 0; i < 300; i++)
        {
            var token = MalformedJwt(random);
            var response = await hosts.Api.GetWithAuthorizationAsync("/api/todos", $"Bearer {token}");
            await CheckAsync(response, $"JWT #{i} '{SecurityAssertions.Trim(token)}'", failures);
        }

        failures.Should().BeEmpty($"{failures.Count} of 300 JWTs got a 5xx or stack text:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task Fuzz_TwoHundredMalformedJsonBodies_NeverA5xx()
    {
        var random = new Random(1234);
        var bearer = JwtForge.Valid(Claims.NewUserId());
        var created = await (await hosts.Api.SendAsync(HttpMethod.Post, "/api/todos", bearer, new { title = "fuzz target" })).JsonAsync();
        var targets = new (HttpClient Client, HttpMethod Method, string Path, string? Bearer, string[] Fields)[]
        {
            (hosts.Api, HttpMethod.Post, "/api/todos", bearer, ["title", "description", "dueAt", "priority"]),
            (hosts.Api, HttpMethod.Put, $"/api/todos/{created.GetProperty("id").GetString()}", bearer, ["title", "description", "isDone", "dueAt", "priority"]),
            (hosts.Gateway, HttpMethod.Post, "/api/auth/sign-in/email", null, ["email", "password", "rememberMe", "callbackURL"]),
            (hosts.Gateway, HttpMethod.Post, "/api/auth/sign-up/email", null, ["name", "email", "password", "image", "callbackURL", "rememberMe"]),
            (hosts.Gateway, HttpMethod.Post, "/api/auth/request-password-reset", null, ["email", "redirectTo"]),
            (hosts.Gateway, HttpMethod.Post, "/api/auth/reset-password", null, ["newPassword", "token"]),
            (hosts.Gateway, HttpMethod.Post, "/api/auth/send-verification-email", null, ["email", "callbackURL"]),
        };
        var failures = new List<string>();

        for (var i = 0; i < 200; i++)
        {
            var (client, method, path, token, fields) = targets[i % targets.Length];
            var body = MalformedJson(random, fields);
            var contentType = ContentTypes[random.Next(ContentTypes.Length)];
            var response = await client.SendRawAsync(method, path, body, contentType, token, body.Length > 32 * 1024 ? Http.ExpectContinue : null);
            await CheckAsync(response, $"body #{i} to {method} {path} ({contentType}): '{SecurityAssertions.Trim(Encoding.UTF8.GetString(body))}'", failures);
        }

        failures.Should().BeEmpty($"{failures.Count} of 200 bodies got a 5xx or stack text:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task Fuzz_TwoHundredRandomQueryStrings_NeverA5xx()
    {
        var random = new Random(1234);
        var bearer = JwtForge.Valid(Claims.NewUserId());
        string[] keys = ["status", "search", "page", "pageSize", "sort", "status", "page", "pageSize", "x", "id", "ownerId", "$filter", "page[]"];
        var failures = new List<string>();

        for (var i = 0; i < 200; i++)
        {
            var parameters = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => $"{Uri.EscapeDataString(keys[random.Next(keys.Length)])}={QueryValue(random)}");
            var path = $"/api/todos?{string.Join('&', parameters)}";
            var response = await hosts.Api.SendAsync(HttpMethod.Get, path, bearer);
            await CheckAsync(response, $"query #{i} '{SecurityAssertions.Trim(path)}'", failures);
        }

        failures.Should().BeEmpty($"{failures.Count} of 200 query strings got a 5xx or stack text:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task Fuzz_OneHundredMalformedMailedLinks_NeverA5xx()
    {
        var random = new Random(1234);
        var failures = new List<string>();

        for (var i = 0; i < 100; i++)
        {
            var token = QueryValue(random);
            var callback = QueryValue(random);
            var path = i % 2 == 0
                ? $"/api/auth/verify-email?token={token}&callbackURL={callback}"
                : $"/api/auth/reset-password/{(token.Length == 0 ? "x" : token)}?callbackURL={callback}";
            var response = await hosts.Gateway.SendAsync(HttpMethod.Get, path, null);
            await CheckAsync(response, $"link #{i} '{SecurityAssertions.Trim(path)}'", failures);
        }

        failures.Should().BeEmpty($"{failures.Count} of 100 links got a 5xx or stack text:\n{string.Join("\n", failures)}");
    }

    private static async Task CheckAsync(HttpResponseMessage response, string input, List<string> failures)
    {
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        if (response.IsServerError() || body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
        {
            failures.Add($"{(int)response.StatusCode} for {input}: {SecurityAssertions.Trim(body)}");
        }
    }

    // ---- generators ----

    private static string MalformedJwt(Random random)
    {
        var valid = Claims.Sign(Claims.Hs256Header, Claims.Payload());
        var parts = valid.Split('.');
        switch (random.Next(10))
        {
            case 0:
                return Base64UrlEncoder.Encode(Bytes(random, random.Next(0, 600)));
            case 1:
                return Printable(random, random.Next(1, 300));
            case 2:
            {
                var chars = valid.ToCharArray();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    chars[random.Next(chars.Length)] = random.Next(4) == 0
                        ? (char)random.Next(0x21, 0x7F)
                        : Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)];
                }

                return new string(chars);
            }

            case 3:
                return valid[..random.Next(1, valid.Length)];
            case 4:
            {
                var shuffled = parts.OrderBy(_ => random.Next()).ToArray();
                return string.Join('.', shuffled);
            }

            case 5:
            {
                var builder = new StringBuilder(valid);
                for (var dots = random.Next(1, 5); dots > 0; dots--)
                {
                    builder.Insert(random.Next(builder.Length + 1), '.');
                }

                return builder.ToString();
            }

            case 6:
            {
                var size = random.Next(4, 40) * 1024;
                var padded = Claims.Sign(Claims.Hs256Header, Claims.Payload(null, ("pad", Printable(random, size).Replace("\"", "'", StringComparison.Ordinal).Replace("\\", "/", StringComparison.Ordinal))));
                return padded;
            }

            case 7:
            {
                var header = $$"""{"alg":"{{Algorithms[random.Next(Algorithms.Length)]}}","typ":"{{Printable(random, 4).Replace("\"", "'", StringComparison.Ordinal).Replace("\\", "/", StringComparison.Ordinal)}}"}""";
                return Claims.Sign(header, Claims.Payload());
            }

            case 8:
            {
                string[] claims = ["sub", "exp", "nbf", "iat", "aud", "iss"];
                var claim = claims[random.Next(claims.Length)];
                string[] values = ["\"x\"", "1e400", "-1", "[]", "{}", "null", "true", "\"\"", "[\"todoclean-api\",\"x\"]", "99999999999999999999"];
                var payload = Claims.Payload(null, (claim, null));
                return Claims.Sign(Claims.Hs256Header, $"{payload[..^1]},\"{claim}\":{values[random.Next(values.Length)]}}}");
            }

            default:
                return random.Next(3) switch
                {
                    0 => $"{parts[0]}.{parts[1]}",
                    1 => $"{parts[0]}.{parts[0]}.{parts[2]}",
                    _ => $"{parts[0]}..{parts[2]}.{parts[1]}",
                };
        }
    }

    private static byte[] MalformedJson(Random random, string[] fields)
    {
        switch (random.Next(8))
        {
            case 0:
                return Bytes(random, random.Next(0, 2000));
            case 1:
                return Encoding.UTF8.GetBytes(random.Next(3) switch
                {
                    0 => new string('[', 10_000),
                    1 => string.Concat(Enumerable.Repeat("{\"a\":", 5_000)),
                    _ => $"{{\"{fields[0]}\":{new string('[', 10_000)}{new string(']', 10_000)}}}",
                });
            case 2:
                return Encoding.UTF8.GetBytes("{" + string.Join(',', fields.Select(f => $"\"{f}\":{RandomJsonValue(random, 2)}")) + "}");
            case 3:
                return Encoding.UTF8.GetBytes($"{{\"{fields[random.Next(fields.Length)]}\":\"{new string('x', random.Next(10_000, 120_000))}\"}}");
            case 4:
            {
                var valid = "{" + string.Join(',', fields.Select(f => $"\"{f}\":\"value-{f}\"")) + "}";
                return Encoding.UTF8.GetBytes(valid[..random.Next(0, valid.Length)]);
            }

            case 5:
            {
                string[] strings = ["\\ud800", "\\u0000", "\\udfff\\ud800", "\\u202e", "\\n\\r", "\\\\", "%00", "\\u00e9\\u0301"];
                return Encoding.UTF8.GetBytes("{" + string.Join(',', fields.Select(f => $"\"{f}\":\"{strings[random.Next(strings.Length)]}{Printable(random, 5).Replace("\"", string.Empty, StringComparison.Ordinal).Replace("\\", string.Empty, StringComparison.Ordinal)}\"")) + "}");
            }

            case 6:
                return Encoding.UTF8.GetBytes(RandomJsonValue(random, 5));
            default:
            {
                string[] numbers = ["1e309", "-0", "123456789012345678901234567890", "NaN", "Infinity", "0x10", "01", "1.5e-400"];
                return Encoding.UTF8.GetBytes("{" + string.Join(',', fields.Select(f => $"\"{f}\":{numbers[random.Next(numbers.Length)]}")) + "}");
            }
        }
    }

    private static string RandomJsonValue(Random random, int depth)
    {
        var kind = random.Next(depth > 0 ? 8 : 6);
        return kind switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => random.Next(int.MinValue, int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
            3 => (random.NextDouble() * 1e10).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            4 => $"\"{Printable(random, random.Next(0, 40)).Replace("\\", "/", StringComparison.Ordinal).Replace("\"", "'", StringComparison.Ordinal)}\"",
            5 => "\"urgent\"",
            6 => "[" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJsonValue(random, depth - 1))) + "]",
            _ => "{" + string.Join(',', Enumerable.Range(0, random.Next(0, 4)).Select(i => $"\"k{i}\":{RandomJsonValue(random, depth - 1)}")) + "}",
        };
    }

    private static string QueryValue(Random random) => random.Next(8) switch
    {
        0 => Uri.EscapeDataString(Printable(random, random.Next(0, 60))),
        1 => random.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "99999999999999999999999",
        3 => string.Empty,
        4 => Uri.EscapeDataString(new string('a', random.Next(1000, 4000))),
        5 => "%zz%0%%" + random.Next(),
        6 => Uri.EscapeDataString("\u00e9\u202e\ud83d\ude00\u0000"),
        _ => new[] { "-created", "due", "title", "open", "done", "all", "0", "-1", "101", "%00", "null" }[random.Next(11)],
    };

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Printable(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }
}
