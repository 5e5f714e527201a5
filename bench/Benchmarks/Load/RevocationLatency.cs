using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TodoClean.Benchmarks.Load;

/// <summary>
/// <c>revocation --gateway URL --api URL [--count 200] [--out FILE]</c>: how long after a sign-out the API refuses
/// that session's JWT. One account; for each round a new session (sign-in), a JWT from <c>GET /api/auth/token</c> that
/// the API accepts, then <c>POST /api/auth/sign-out</c>, and from its answer on <c>GET /api/todos</c> with that JWT every
/// 5 ms until a 401. Prints (and with <c>--out</c> writes) p50, p90, p99 and the maximum in milliseconds.
/// </summary>
internal static class RevocationLatency
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var gateway = Option("--gateway") ?? throw new ArgumentException("--gateway URL is required.");
        var api = Option("--api") ?? throw new ArgumentException("--api URL is required.");
        var count = int.Parse(Option("--count") ?? "200", CultureInfo.InvariantCulture);
        var output = Option("--out");

        // No cookie jar: every call carries its session as a bearer token, as a REST client does.
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var email = $"revocation-{Guid.NewGuid():N}@bench.example";
        const string password = "revocation-bench-password";
        await SendAsync(http, HttpMethod.Post, $"{gateway}/api/auth/sign-up/email", null,
            new { email, password, name = "Revocation Bench" }, HttpStatusCode.OK);

        var latencies = new List<double>(count);
        for (var round = 0; round < count; round++)
        {
            using var signIn = await SendAsync(http, HttpMethod.Post, $"{gateway}/api/auth/sign-in/email", null,
                new { email, password }, HttpStatusCode.OK);
            var session = signIn.Headers.GetValues("set-auth-token").Single();
            using var minted = await SendAsync(http, HttpMethod.Get, $"{gateway}/api/auth/token", session, null, HttpStatusCode.OK);
            var jwt = (await minted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            (await SendAsync(http, HttpMethod.Get, $"{api}/api/todos?pageSize=1", jwt, null, HttpStatusCode.OK)).Dispose();

            (await SendAsync(http, HttpMethod.Post, $"{gateway}/api/auth/sign-out", session, new { }, HttpStatusCode.OK)).Dispose();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                using var answer = await SendAsync(http, HttpMethod.Get, $"{api}/api/todos?pageSize=1", jwt, null, expected: null);
                if (answer.StatusCode == HttpStatusCode.Unauthorized)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                    break;
                }

                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"The API answered {(int)answer.StatusCode} while the JWT was being revoked.");
                }

                if (clock.Elapsed > GiveUpAfter)
                {
                    throw new InvalidOperationException($"The API still accepted the JWT {GiveUpAfter.TotalSeconds} s after the sign-out.");
                }

                await Task.Delay(PollInterval);
            }
        }

        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)];
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{latencies.Count} sign-outs: p50 {Percentile(0.50):0} ms, p90 {Percentile(0.90):0} ms, p99 {Percentile(0.99):0} ms, max {latencies[^1]:0} ms");
        Console.WriteLine(line);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, line + Environment.NewLine);
        }

        return 0;
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string url, string? bearer, object? body, HttpStatusCode? expected)
    {
        using var request = new HttpRequestMessage(method, url);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await http.SendAsync(request);
        if (expected is { } status && response.StatusCode != status)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}, expected {(int)status}: {text}");
        }

        return response;
    }
}
