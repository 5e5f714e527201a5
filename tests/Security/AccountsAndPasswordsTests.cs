using System.Buffers.Binary;
using System.Net;
using TodoClean.Security.Tests.Infrastructure;

namespace TodoClean.Security.Tests;

/// <summary>Accounts and passwords: email rules, password rules, hashing, uniform failures, rate limits.</summary>
[Collection(SecurityHostsCollection.Name)]
public sealed class AccountsAndPasswordsTests(SecurityHostsFixture hosts)
{
    private HttpClient Gateway => hosts.Gateway;

    private Task<HttpResponseMessage> SignUpRawAsync(string email, string password, HttpClient? client = null) =>
        (client ?? Gateway).SendAsync(HttpMethod.Post, "/api/auth/sign-up/email", json: new { name = "Acc", email, password },
            headers: password.Length > 1000 ? Http.ExpectContinue : null);

    // ---- email ----

    [Fact]
    public async Task Email_IsTrimmedLowerCasedAndUnique()
    {
        var local = $"MiXeD-{Guid.NewGuid():N}";
        var canonical = $"{local.ToLowerInvariant()}@example.com";

        var signUp = await SignUpRawAsync($"  {local}@Example.COM  ", Accounts.Password);

        signUp.StatusCode.Should().Be(HttpStatusCode.OK, await signUp.Content.ReadAsStringAsync());
        var user = (await signUp.JsonAsync()).GetProperty("user");
        user.GetProperty("email").GetString().Should().Be(canonical);
        var signIn = await Accounts.SignInAsync(Gateway, canonical.ToUpperInvariant(), Accounts.Password);
        signIn.StatusCode.Should().Be(HttpStatusCode.OK, "sign-in normalizes the same way");
        (await signIn.JsonAsync()).GetProperty("user").GetProperty("id").GetString().Should().Be(user.GetProperty("id").GetString());
        foreach (var variant in new[] { canonical, canonical.ToUpperInvariant(), $" {local}@example.com" })
        {
            await (await SignUpRawAsync(variant, Accounts.Password))
                .ShouldBeAuthErrorAsync(HttpStatusCode.UnprocessableEntity, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", variant);
        }
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("two words@example.com")]
    [InlineData("a@@example.com")]
    [InlineData("")]
    public async Task Email_Invalid_IsRejected(string email)
    {
        var response = await SignUpRawAsync(email, Accounts.Password);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, email);
        SecurityAssertions.ShouldNotLeakInternals(await response.Content.ReadAsStringAsync());
    }

    // ---- password length, before hashing ----

    [Theory]
    [InlineData(7, "PASSWORD_TOO_SHORT")]
    [InlineData(129, "PASSWORD_TOO_LONG")]
    public async Task Password_OutsideEightTo128_IsRejected(int length, string code)
    {
        await (await SignUpRawAsync(Accounts.NewEmail(), new string('p', length - 1) + "!"))
            .ShouldBeAuthErrorAsync(HttpStatusCode.BadRequest, code, $"sign-up with {length} characters");

        var user = await Accounts.SignUpAsync(Gateway);
        await (await Gateway.SendAsync(HttpMethod.Post, "/api/auth/change-password", user.SessionToken,
                new { currentPassword = user.Password, newPassword = new string('n', length) }))
            .ShouldBeAuthErrorAsync(HttpStatusCode.BadRequest, code, $"change-password to {length} characters");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(128)]
    public async Task Password_OfEightOr128Characters_IsAccepted(int length)
    {
        var password = string.Concat(Enumerable.Repeat("aB3$", 40))[..length];

        var user = await Accounts.SignUpAsync(Gateway, password: password);

        (await Accounts.SignInAsync(Gateway, user.Email, password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Password_TooLongAtSignIn_IsRefusedBeforeAnyComparison()
    {
        var user = await Accounts.SignUpAsync(Gateway);

        var response = await Accounts.SignInAsync(Gateway, user.Email, user.Password + new string('x', 129));

        await response.ShouldBeAuthErrorAsync(HttpStatusCode.BadRequest, "PASSWORD_TOO_LONG",
            "a password over 128 characters is refused by its length (400), not by comparing hashes (401)");
    }

    [Fact]
    public async Task Password_OfOneMebibyte_IsRejectedWithoutHashing()
    {
        var huge = new string('p', 1024 * 1024);
        var user = await Accounts.SignUpAsync(Gateway);
        var email = Accounts.NewEmail();

        var responses = new[]
        {
            await SignUpRawAsync(email, huge),
            await Accounts.SignInAsync(Gateway, user.Email, huge, Http.ExpectContinue),
            await Gateway.SendAsync(HttpMethod.Post, "/api/auth/change-password", user.SessionToken,
                new { currentPassword = user.Password, newPassword = huge }, Http.ExpectContinue),
        };

        foreach (var response in responses)
        {
            response.StatusCode.Should().BeOneOf(HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest);
        }

        (await Accounts.SignUpAsync(Gateway, email)).Email.Should().Be(email, "the refused sign-up created no account");
    }

    [Fact]
    public async Task Password_OfOneMebibyte_IsStoppedByTheRequestBodyLimit()
    {
        var response = await SignUpRawAsync(Accounts.NewEmail(), new string('p', 1024 * 1024));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, "both hosts cap request bodies at 64 KB");
    }

    [Fact]
    public async Task Password_IsNeverTruncated()
    {
        var password = string.Concat(Enumerable.Range(0, 100).Select(i => (char)('a' + (i % 26))));
        var user = await Accounts.SignUpAsync(Gateway, password: password);

        (await Accounts.SignInAsync(Gateway, user.Email, password[..72])).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "the first 72 characters (bcrypt's limit) are not the password");
        (await Accounts.SignInAsync(Gateway, user.Email, password[..99])).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Accounts.SignInAsync(Gateway, user.Email, password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Password_IsNeverCaseFoldedOrTrimmed()
    {
        const string password = "Mixed Case Password ";
        var user = await Accounts.SignUpAsync(Gateway, password: password);

        foreach (var variant in new[] { password.ToLowerInvariant(), password.ToUpperInvariant(), password.Trim() })
        {
            (await Accounts.SignInAsync(Gateway, user.Email, variant)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"'{variant}'");
        }

        (await Accounts.SignInAsync(Gateway, user.Email, password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // ---- hashing ----

    [Fact]
    public async Task PasswordHash_UsesProductionParametersByDefault()
    {
        await using var gateway = await RunningHost.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["PasswordHashing__Iterations"] = null,
        });
        var user = await Accounts.SignUpAsync(gateway.Client);

        var hash = (string)Store.Scalar(gateway.StorePath, "SELECT PasswordHash FROM accounts WHERE UserId = $p0", user.Id)!;

        hash.Should().NotContain(user.Password);
        if (hash.StartsWith("$argon2id$", StringComparison.Ordinal))
        {
            hash.Should().MatchRegex(@"^\$argon2id\$v=19\$m=(19456|[2-9]\d{4}|\d{6,}),t=([2-9]|\d{2,}),p=\d+\$", "Argon2id m ≥ 19 MiB, t ≥ 2");
            return;
        }

        // ASP.NET Identity V3 format: 0x01, PRF (2 = HMAC-SHA512), iteration count, salt length, salt, subkey.
        var bytes = Convert.FromBase64String(hash);
        bytes[0].Should().Be(0x01, "Identity V3 PBKDF2 format");
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)).Should().Be(2u, "PBKDF2-HMAC-SHA512");
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)).Should().BeGreaterThanOrEqualTo(210_000u, "OWASP's PBKDF2-SHA512 floor");
        BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9)).Should().BeGreaterThanOrEqualTo(16u, "a salt of at least 128 bits");
    }

    // ---- uniform failures ----

    [Fact]
    public async Task SignIn_FailureForUnknownEmailAndWrongPassword_LooksTheSame()
    {
        var user = await Accounts.SignUpAsync(Gateway);

        var wrongPassword = await Accounts.SignInAsync(Gateway, user.Email, "wrong password 123");
        var unknownEmail = await Accounts.SignInAsync(Gateway, Accounts.NewEmail(), "wrong password 123");
        var tooShort = await Accounts.SignInAsync(Gateway, user.Email, "short");

        foreach (var response in new[] { wrongPassword, unknownEmail, tooShort })
        {
            await response.ShouldBeAuthErrorAsync(HttpStatusCode.Unauthorized, "INVALID_EMAIL_OR_PASSWORD");
        }

        var bodies = await Task.WhenAll(new[] { wrongPassword, unknownEmail, tooShort }.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().Should().ContainSingle("status and body must not reveal whether the account exists");
        unknownEmail.Content.Headers.ContentType!.ToString().Should().Be(wrongPassword.Content.Headers.ContentType!.ToString());
        HeaderNames(unknownEmail).Should().BeEquivalentTo(HeaderNames(wrongPassword));
    }

    private static IEnumerable<string> HeaderNames(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Where(k => k != "Date").Order();

    /// <summary>
    /// Shared by the rate-limit tests: each starts its own gateway with the default limits on (every request comes from
    /// 127.0.0.1, so the shared gateway runs with them off). Two classes, so the two pairs run side by side.
    /// </summary>
    internal static class RateLimiting
    {
        public const int PerIp = 30;
        public const int PerAccount = 10;

        public static Task<RunningHost> StartLimitedGatewayAsync() =>
            RunningHost.StartGatewayAsync(new Dictionary<string, string?> { ["RateLimiting__Enabled"] = null });

        public static async Task ShouldBeTooManyRequestsAsync(HttpResponseMessage response, string because)
        {
            var error = await response.ShouldBeAuthErrorAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS", because);
            var retryAfter = response.Header("Retry-After");
            var xRetryAfter = response.Header("X-Retry-After");
            retryAfter.Should().MatchRegex(@"^\d+$", $"Retry-After in whole seconds ({because})");
            xRetryAfter.Should().MatchRegex(@"^\d+$", $"X-Retry-After in whole seconds ({because})");
            int.Parse(retryAfter!, System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
            error.GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
        }
    }

    /// <summary>Per client IP: sign-in, sign-up and change-password share one budget; forwarded headers change nothing.</summary>
    public sealed class RateLimitsPerIp
    {
        private const int PerIp = RateLimiting.PerIp;

        [Fact]
        public async Task RateLimit_PerIp_CredentialRequestsBeyond30PerMinute_Get429WithRetryAfter()
        {
            await using var gateway = await RateLimiting.StartLimitedGatewayAsync();
            var user = await Accounts.SignUpAsync(gateway.Client);
            for (var i = 1; i < PerIp; i++)
            {
                (await Accounts.SignInAsync(gateway.Client, Accounts.NewEmail(), "wrong password 123")).StatusCode
                    .Should().Be(HttpStatusCode.Unauthorized, $"request {i + 1} of {PerIp} is within the limit");
            }

            await RateLimiting.ShouldBeTooManyRequestsAsync(await Accounts.SignInAsync(gateway.Client, user.Email, user.Password), "sign-in #31");
            await RateLimiting.ShouldBeTooManyRequestsAsync(await gateway.Client.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
                json: new { name = "x", email = Accounts.NewEmail(), password = Accounts.Password }), "sign-up shares the budget");
            await RateLimiting.ShouldBeTooManyRequestsAsync(await gateway.Client.SendAsync(HttpMethod.Post, "/api/auth/change-password", user.SessionToken,
                new { currentPassword = user.Password, newPassword = "another password 1" }), "change-password shares the budget");
            (await Accounts.IsLiveAsync(gateway.Client, bearer: user.SessionToken)).Should().BeTrue("reading the session is not a credential request");
        }

        [Fact]
        public async Task RateLimit_ClientSentForwardedHeaders_DoNotEscapeThePerIpLimit()
        {
            await using var gateway = await RateLimiting.StartLimitedGatewayAsync();
            HttpResponseMessage? last = null;
            for (var i = 1; i <= PerIp + 1; i++)
            {
                var spoofed = new Dictionary<string, string>
                {
                    ["X-Forwarded-For"] = $"203.0.113.{i}",
                    ["X-Real-IP"] = $"198.51.100.{i}",
                    ["Forwarded"] = $"for=192.0.2.{i}",
                };
                last = await Accounts.SignInAsync(gateway.Client, Accounts.NewEmail(), "wrong password 123", spoofed);
                if (i <= PerIp)
                {
                    last.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"request {i} is within the limit");
                }
            }

            await RateLimiting.ShouldBeTooManyRequestsAsync(last!, "a new X-Forwarded-For on every request is still one client (127.0.0.1)");
        }
    }

    /// <summary>Per account: failed password checks lock the guessing address, and many addresses together the account.</summary>
    public sealed class RateLimitsPerAccount
    {
        private const int PerAccount = RateLimiting.PerAccount;

        [Fact]
        public async Task RateLimit_PerAccount_TenFailuresLockTheAccountEvenForTheRightPassword()
        {
            await using var gateway = await RateLimiting.StartLimitedGatewayAsync();
            var user = await Accounts.SignUpAsync(gateway.Client);
            for (var i = 1; i <= PerAccount; i++)
            {
                (await Accounts.SignInAsync(gateway.Client, user.Email, $"wrong password {i}")).StatusCode
                    .Should().Be(HttpStatusCode.Unauthorized, $"failure {i} of {PerAccount}");
            }

            await RateLimiting.ShouldBeTooManyRequestsAsync(await Accounts.SignInAsync(gateway.Client, user.Email, user.Password),
                "the right password while the account is locked");
            await RateLimiting.ShouldBeTooManyRequestsAsync(await Accounts.SignInAsync(gateway.Client, $"  {user.Email.ToUpperInvariant()} ", user.Password),
                "the same account spelled differently");
            var other = await Accounts.SignUpAsync(gateway.Client);
            (await Accounts.SignInAsync(gateway.Client, other.Email, other.Password)).StatusCode
                .Should().Be(HttpStatusCode.OK, "another account from the same address is not locked");
        }

        [Fact]
        public async Task RateLimit_PerAccount_FailedSignUpsWithTheEmail_NeverLockTheOwnerOut()
        {
            await using var gateway = await RateLimiting.StartLimitedGatewayAsync();
            var owner = await Accounts.SignUpAsync(gateway.Client);
            using var stranger = gateway.CreateClient(IPAddress.Parse("127.0.0.2"));

            var signUps = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => stranger.SendAsync(HttpMethod.Post, "/api/auth/sign-up/email",
                json: new { name = "x", email = owner.Email, password = Accounts.Password })));

            signUps.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.UnprocessableEntity || r.StatusCode == HttpStatusCode.TooManyRequests);
            (await Accounts.SignInAsync(gateway.Client, owner.Email, owner.Password)).StatusCode.Should().Be(HttpStatusCode.OK,
                "a refused sign-up checks no password, so it cannot be used to lock the owner out");
        }

        [Fact]
        public async Task RateLimit_PerAccount_GuessesFromOneAddress_LockThatAddressButNotTheOwnerElsewhere()
        {
            await using var gateway = await RateLimiting.StartLimitedGatewayAsync();
            var owner = await Accounts.SignUpAsync(gateway.Client);
            using var attacker = gateway.CreateClient(IPAddress.Parse("127.0.0.2"));
            for (var i = 1; i <= PerAccount; i++)
            {
                (await Accounts.SignInAsync(attacker, owner.Email, $"wrong password {i}")).StatusCode
                    .Should().Be(HttpStatusCode.Unauthorized, $"guess {i} of {PerAccount}");
            }

            await RateLimiting.ShouldBeTooManyRequestsAsync(await Accounts.SignInAsync(attacker, owner.Email, owner.Password),
                "the guessing address is capped, even if it finally has the right password");
            (await Accounts.SignInAsync(gateway.Client, owner.Email, owner.Password)).StatusCode.Should().Be(HttpStatusCode.OK,
                "the owner, from another address, is not locked out by a stranger's guesses");
        }

        [Fact]
        public async Task RateLimit_PerAccount_GuessesSpreadOverAddresses_StillHitTheAccountCap()
        {
            await using var gateway = await RunningHost.StartGatewayAsync(new Dictionary<string, string?>
            {
                ["RateLimiting__Enabled"] = null,
                ["RateLimiting__FailuresPerAccount"] = "3",
                ["RateLimiting__FailuresPerAccountAllAddresses"] = "6",
            });
            var owner = await Accounts.SignUpAsync(gateway.Client);
            foreach (var address in new[] { "127.0.0.2", "127.0.0.3" })
            {
                using var attacker = gateway.CreateClient(IPAddress.Parse(address));
                for (var i = 1; i <= 3; i++)
                {
                    (await Accounts.SignInAsync(attacker, owner.Email, $"wrong password {i}")).StatusCode
                        .Should().Be(HttpStatusCode.Unauthorized, $"guess {i} from {address}");
                }
            }

            using var fresh = gateway.CreateClient(IPAddress.Parse("127.0.0.4"));
            await RateLimiting.ShouldBeTooManyRequestsAsync(await Accounts.SignInAsync(fresh, owner.Email, owner.Password),
                "six guesses from two addresses reach the account's cap for all addresses");
        }

        [Fact]
        public async Task RateLimit_ChangePassword_TenWrongCurrentPasswordsLockIt()
        {
            await using var gateway = await RateLimiting.StartLimitedGatewayAsync();
            var user = await Accounts.SignUpAsync(gateway.Client);
            for (var i = 1; i <= PerAccount; i++)
            {
                await (await gateway.Client.SendAsync(HttpMethod.Post, "/api/auth/change-password", user.SessionToken,
                        new { currentPassword = $"wrong password {i}", newPassword = "another password 1" }))
                    .ShouldBeAuthErrorAsync(HttpStatusCode.BadRequest, "INVALID_PASSWORD", $"failure {i}");
            }

            await RateLimiting.ShouldBeTooManyRequestsAsync(await gateway.Client.SendAsync(HttpMethod.Post, "/api/auth/change-password", user.SessionToken,
                new { currentPassword = user.Password, newPassword = "another password 1" }), "the right current password while locked");
        }
    }
}
