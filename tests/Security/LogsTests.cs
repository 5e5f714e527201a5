using System.Net;
using System.Text.RegularExpressions;
using TodoClean.Security.Tests.Infrastructure;
using TodoClean.TestCommon;

namespace TodoClean.Security.Tests;

/// <summary>Logs: no credentials in logs, no forged lines, every auth event traceable, no warning an anonymous caller can flood.</summary>
[Collection(SecurityHostsCollection.Name)]
public sealed partial class LogsTests(SecurityHostsFixture hosts)
{
    private const string Loopback = "127.0.0.1";

    private HttpClient Gateway => hosts.Gateway;

    private string AllOutput => hosts.GatewayHost.Output + hosts.ApiHost.Output;

    [Fact]
    public async Task Logs_HealthProbesAndTheRevocationFeedPolling_DoNotBuryTheRequestsOfPeople()
    {
        var gatewayMark = hosts.GatewayHost.Output.Length;
        var apiMark = hosts.ApiHost.Output.Length;
        for (var i = 0; i < 10; i++)
        {
            (await Gateway.SendAsync(HttpMethod.Get, "/health")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await hosts.Api.SendAsync(HttpMethod.Get, "/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // The API asks the gateway's revocation feed every second: let it ask a few times.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await Accounts.SignUpAsync(Gateway);

        var gatewayLog = await hosts.GatewayHost.WaitForOutputAsync(gatewayMark, text => text.Contains("/api/auth/sign-up/email", StringComparison.Ordinal));
        gatewayLog.Should().Contain("/api/auth/sign-up/email", "a request people make is logged");
        gatewayLog.Should().NotContain("/health").And.NotContain("/internal/revocations", "what machines poll stays out of the log while it succeeds");
        hosts.ApiHost.OutputSince(apiMark).Should().NotContain("/health").And.NotContain("revocation-feed", "the feed's HTTP client logs only its failures");
    }

    [Fact]
    public async Task Logs_NeverContainPasswordsSessionTokensOrJwts()
    {
        var password = $"pw-{Guid.NewGuid():N}";
        var wrongPassword = $"wrong-{Guid.NewGuid():N}";
        var newPassword = $"new-{Guid.NewGuid():N}";
        var user = await Accounts.SignUpAsync(Gateway, password: password);
        var signedIn = await Accounts.SignInForTokenAsync(Gateway, user.Email, password);
        (await Accounts.SignInAsync(Gateway, user.Email, wrongPassword)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Accounts.SignInAsync(Gateway, Accounts.NewEmail(), wrongPassword)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var getSession = await Gateway.SendAsync(HttpMethod.Get, "/api/auth/get-session", cookie: Accounts.Cookie(signedIn));
        var headerJwt = getSession.Header("set-auth-jwt")!;
        var jwt = await Accounts.MintJwtAsync(Gateway, signedIn);
        (await hosts.Api.SendAsync(HttpMethod.Post, "/api/todos", jwt, new { title = "logged?" })).StatusCode.Should().Be(HttpStatusCode.Created);
        var foreign = JwtForge.Create(new Dictionary<string, object> { ["sub"] = user.Id }, secret: TestSecrets.OtherJwtSecret);
        (await hosts.Api.SendAsync(HttpMethod.Get, "/api/todos", foreign)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await hosts.Api.SendAsync(HttpMethod.Get, "/api/todos", jwt + "x")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/change-password", signedIn,
            new { currentPassword = wrongPassword, newPassword })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/change-password", signedIn,
            new { currentPassword = password, newPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-out", user.SessionToken, new { })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Gateway.SendAsync(HttpMethod.Get, "/api/auth/get-session", user.SessionToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        await Task.Delay(300);

        var output = AllOutput;
        var secrets = new Dictionary<string, string>
        {
            ["password"] = password,
            ["wrong password"] = wrongPassword,
            ["new password"] = newPassword,
            ["raw session token"] = Accounts.RawToken(user.SessionToken),
            ["second raw session token"] = Accounts.RawToken(signedIn),
            ["signed session token"] = user.SessionToken,
            ["session cookie value"] = Uri.EscapeDataString(signedIn),
            ["session signature"] = signedIn[(signedIn.LastIndexOf('.') + 1)..],
            ["JWT"] = jwt,
            ["JWT signature"] = jwt.Split('.')[2],
            ["set-auth-jwt"] = headerJwt,
            ["foreign JWT"] = foreign,
            ["JWT secret"] = TestSecrets.JwtSecret,
        };
        foreach (var (name, value) in secrets)
        {
            output.Should().NotContain(value, $"the logs must not contain the {name}");
        }

        JwtShape().Matches(output).Select(m => m.Value).Should().BeEmpty("no JWT (base64url JSON header '.' payload) ever reaches a log");
    }

    [Fact]
    public async Task Logs_UserSuppliedText_CannotForgeALogLine()
    {
        const string Injected = "[FAKE] injected";
        var user = await Accounts.SignUpAsync(Gateway, name: $"Mallory\n{Injected}\r\n{Injected}");
        await Gateway.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
            json: new { name = "x", email = $"x{Guid.NewGuid():N}@example.com\r\n{Injected}", password = Accounts.Password });
        await Accounts.SignInAsync(Gateway, $"{user.Email}\n{Injected}", "wrong password 1");
        await Accounts.SignInAsync(Gateway, user.Email, $"wrong\n{Injected}");
        await Gateway.SendAsync(HttpMethod.Post, "/api/auth/update-user", user.SessionToken, new { name = $"\r\n{Injected}" });
        foreach (var client in new[] { Gateway, hosts.Api })
        {
            await client.SendAsync(HttpMethod.Get, $"/api/todos/%0A{Uri.EscapeDataString(Injected)}");
            await client.SendAsync(HttpMethod.Get, $"/api/auth/%0D%0A{Uri.EscapeDataString(Injected)}");
        }

        await hosts.Api.SendAsync(HttpMethod.Post, "/api/todos", JwtForge.Valid(Claims.NewUserId()), new { title = $"t\n{Injected}", description = $"\n{Injected}" });
        await hosts.Api.SendAsync(HttpMethod.Get, $"/api/todos?search=%0A{Uri.EscapeDataString(Injected)}", JwtForge.Valid(Claims.NewUserId()));
        await Task.Delay(300);

        var forged = AllOutput.Split(['\n', '\r']).Where(line => line.TrimStart().StartsWith("[FAKE]", StringComparison.Ordinal)).ToList();
        forged.Should().BeEmpty("user-supplied text is logged as escaped structured properties, never as raw lines");
        AllOutput.Should().Contain(Injected, "the text did reach the logs (the request paths), escaped inside a line: the check above is not vacuous");
    }

    [Fact]
    public async Task Logs_SignInSuccessAndFailure_AreLoggedWithUserIdAndClientIp()
    {
        var user = await Accounts.SignUpAsync(Gateway);
        var host = hosts.GatewayHost;

        var mark = host.Output.Length;
        (await Accounts.SignInAsync(Gateway, user.Email, user.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        var success = await host.WaitForOutputAsync(mark, o => LinesWith(o, user.Id, Loopback).Any());

        mark = host.Output.Length;
        (await Accounts.SignInAsync(Gateway, user.Email, "wrong password 1")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var failure = await host.WaitForOutputAsync(mark, o => LinesWith(o, user.Id, Loopback).Any());

        mark = host.Output.Length;
        (await Accounts.SignInAsync(Gateway, Accounts.NewEmail(), "wrong password 1")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var unknown = await host.WaitForOutputAsync(mark, o => LinesWith(o, "unknown email", Loopback).Any());

        LinesWith(success, user.Id, Loopback).Should().NotBeEmpty($"a successful sign-in names the user and the address:\n{success}");
        LinesWith(failure, user.Id, Loopback).Should().NotBeEmpty($"a failed sign-in names the user and the address:\n{failure}");
        LinesWith(failure, user.Id, Loopback).Should().NotBeEquivalentTo(LinesWith(success, user.Id, Loopback), "failure is told apart from success");
        LinesWith(unknown, "unknown email", Loopback).Should().NotBeEmpty($"a sign-in for an unknown email says so, with the address:\n{unknown}");
    }

    [Fact]
    public async Task Logs_EveryApi401_IsLoggedWithTheClientIp()
    {
        var host = hosts.ApiHost;

        foreach (var (why, bearer, _) in RefusedBearers())
        {
            var id = Guid.NewGuid().ToString();
            var mark = host.Output.Length;
            (await hosts.Api.SendAsync(HttpMethod.Get, $"/api/todos/{id}", bearer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            var logged = await host.WaitForOutputAsync(mark, o => LinesWith(o, id, Loopback).Any());

            LinesWith(logged, id, Loopback).Should().NotBeEmpty($"a 401 ({why}) is logged with the path and the client address:\n{logged}");
        }
    }

    [Fact]
    public async Task Logs_Api401_CarriesTheReasonOnTheRequestLine()
    {
        // The reason is a structured property of the request's own log line; show properties to see it.
        await using var api = await RunningHost.StartApiAsync(new Dictionary<string, string?>
        {
            ["Serilog__WriteTo__0__Args__outputTemplate"] = "[{Level:u3}] {Message:lj} {Properties:j}{NewLine}",
        });

        foreach (var (why, bearer, reason) in RefusedBearers())
        {
            var id = Guid.NewGuid().ToString();
            var mark = api.Output.Length;
            (await api.Client.SendAsync(HttpMethod.Get, $"/api/todos/{id}", bearer)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            var logged = await api.WaitForOutputAsync(mark, o => LinesWith(o, id, "401").Any());

            LinesWith(logged, id, "401").Should().ContainSingle("one line per refused request:\n{0}", logged)
                .Which.Should().Contain($"\"AuthFailure\": \"{reason}", $"the line names why the request ({why}) was refused");
        }
    }

    [Fact]
    public async Task Logs_TokensWithMadeUpKeyIds_CannotFloodTheSecretMismatchWarning()
    {
        var host = hosts.ApiHost;
        var mark = host.Output.Length;

        for (var i = 0; i < 100; i++)
        {
            var forged = Claims.Sign($$"""{"alg":"HS256","typ":"JWT","kid":"forged-{{i}}"}""", Claims.Payload(), TestSecrets.OtherJwtSecret);
            (await hosts.Api.SendAsync(HttpMethod.Get, "/api/todos", forged)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var logged = await host.WaitForOutputAsync(mark, o => LinesWith(o, "WRN", "key").Count > 1);
        LinesWith(logged, "WRN", "key").Should().HaveCountLessThanOrEqualTo(1,
            "100 anonymous tokens with made-up key ids give at most one mismatch warning (then a summary a minute), " +
            "so neither a flood nor an exhausted list can hide a real mismatch:\n" + logged);
    }

    /// <summary>Requests the API refuses with 401: what is wrong, the bearer token sent (none), the reason it logs.</summary>
    private static (string Why, string? Bearer, string Reason)[] RefusedBearers() =>
    [
        ("no token", null, "no bearer token"),
        ("garbage", "garbage", "Malformed token"),
        ("expired", JwtForge.Create(new Dictionary<string, object> { ["sub"] = Claims.NewUserId() },
            issuedAt: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromMinutes(15)), "expired"),
    ];

    /// <summary>A compact JWT's start: a base64url JSON object (<c>eyJ</c>…), a dot, more base64url.</summary>
    [Fact]
    public async Task Logs_NeverContainTheLinksOrTokensOfAuthMail_SentOrFailed()
    {
        using var outbox = new TemporaryDirectory("todoclean-security-outbox");
        await using (var gateway = await RunningHost.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Mail__PickupDirectory"] = outbox.Path,
        }))
        {
            var user = await Accounts.SignUpAsync(gateway.Client);
            (await gateway.Client.SendAsync(HttpMethod.Post, "/api/auth/request-password-reset", json: new { email = user.Email }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            (await gateway.Client.SendAsync(HttpMethod.Post, "/api/auth/send-verification-email", user.SessionToken, new { email = user.Email }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            var bodies = await MailedBodiesAsync(outbox.Path, count: 2);

            var resetToken = ResetLinkToken().Match(bodies).Groups[1].Value;
            var verificationToken = VerificationLinkToken().Match(bodies).Groups[1].Value;
            resetToken.Should().NotBeEmpty("the reset mail carries its link");
            verificationToken.Should().NotBeEmpty("the verification mail carries its link");
            gateway.Output.Should().Contain("mail").And.NotContain(resetToken).And.NotContain(verificationToken);
        }

        // A mail server that refuses the connection: the failure is logged, the link is not.
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var failing = await RunningHost.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Mail__Smtp__Host"] = Loopback,
            ["Mail__Smtp__Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__Smtp__Security"] = "None",
        });
        var someone = await Accounts.SignUpAsync(failing.Client);
        var mark = failing.Output.Length;
        (await failing.Client.SendAsync(HttpMethod.Post, "/api/auth/request-password-reset", json: new { email = someone.Email }))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the answer does not depend on the mail server");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!failing.OutputSince(mark).Contains("could not be sent", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var logged = failing.OutputSince(mark);
        logged.Should().Contain("could not be sent", "the failed delivery is logged");
        logged.Should().NotContain("reset-password/").And.NotContain("token=");
        failing.Output.Should().NotContain("reset-password/").And.NotContain("verify-email?token=");
    }

    private static async Task<string> MailedBodiesAsync(string directory, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.GetFiles(directory, "*.eml").Length < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var files = Directory.GetFiles(directory, "*.eml");
        files.Should().HaveCount(count, "each request mails one message");
        var bodies = new System.Text.StringBuilder();
        foreach (var file in files)
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file);
            bodies.AppendLine(message.TextBody);
        }

        return bodies.ToString();
    }

    [GeneratedRegex(@"/api/auth/reset-password/([A-Za-z0-9]+)")]
    private static partial Regex ResetLinkToken();

    [GeneratedRegex(@"/api/auth/verify-email\?token=([A-Za-z0-9_.-]+)")]
    private static partial Regex VerificationLinkToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}")]
    private static partial Regex JwtShape();

    private static List<string> LinesWith(string output, params string[] parts) =>
        output.Split('\n').Where(line => parts.All(p => line.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
}
