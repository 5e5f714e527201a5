using System.Buffers.Binary;
using Microsoft.Extensions.Options;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Infrastructure.Security;

namespace TodoClean.Infrastructure.UnitTests.Security;

/// <summary>The production hashing parameters, asserted on their own (the other suites lower them for speed).</summary>
public sealed class Pbkdf2PasswordHasherTests
{
    private static Pbkdf2PasswordHasher Create(int? iterations = null) =>
        new(Options.Create(iterations is { } count ? new PasswordHashingOptions { Iterations = count } : new PasswordHashingOptions()));

    [Fact]
    public async Task HashAsync_WhenOptionsAreTheDefaults_ShouldUsePbkdf2Sha512With210000Iterations()
    {
        using var hasher = Create();

        var hash = Convert.FromBase64String(await hasher.HashAsync("correct horse battery", CancellationToken.None));

        // Identity V3 format: 0x01 | PRF (uint32 BE) | iterations (uint32 BE) | salt length (uint32 BE) | salt | subkey
        hash[0].Should().Be(0x01);
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)).Should().Be(2, "PRF 2 is HMAC-SHA512");
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)).Should().Be(210_000);
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(9)).Should().BeGreaterThanOrEqualTo(16, "salt of at least 128 bits");
    }

    [Fact]
    public async Task HashAsync_WhenCalledTwice_ShouldSaltEachHashDifferently()
    {
        using var hasher = Create(1000);

        var first = await hasher.HashAsync("same password", CancellationToken.None);
        var second = await hasher.HashAsync("same password", CancellationToken.None);

        first.Should().NotBe(second);
    }

    [Fact]
    public async Task VerifyAsync_WhenIterationsWereRaised_ShouldAcceptAndAskForARehash()
    {
        using var old = Create(1000);
        using var current = Create(2000);
        var hash = await old.HashAsync("correct horse battery", CancellationToken.None);

        var check = await current.VerifyAsync(hash, "correct horse battery", CancellationToken.None);

        check.Should().Be(PasswordCheck.SuccessRehashNeeded);
    }

    [Theory]
    [InlineData("wrong password")]
    [InlineData("correct horse batter")]
    [InlineData("CORRECT HORSE BATTERY")]
    public async Task VerifyAsync_WhenPasswordDiffers_ShouldFail(string attempt)
    {
        using var hasher = Create(1000);
        var hash = await hasher.HashAsync("correct horse battery", CancellationToken.None);

        (await hasher.VerifyAsync(hash, attempt, CancellationToken.None)).Should().Be(PasswordCheck.Failed);
    }

    [Fact]
    public async Task VerifyAsync_WhenThereIsNoHash_ShouldFailAfterDoingTheWork()
    {
        using var hasher = Create(1000);

        (await hasher.VerifyAsync(null, "anything at all", CancellationToken.None)).Should().Be(PasswordCheck.Failed);
    }
}
