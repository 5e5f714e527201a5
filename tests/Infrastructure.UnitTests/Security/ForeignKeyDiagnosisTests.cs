using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TodoClean.Infrastructure.Security;
using TodoClean.TestCommon;

namespace TodoClean.Infrastructure.UnitTests.Security;

/// <summary>The secret-mismatch warning: told at once, then summarized, whatever anonymous callers send.</summary>
public sealed class ForeignKeyDiagnosisTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly LogCollector _logs = new();
    private readonly ForeignKeyDiagnosis _diagnosis;

    public ForeignKeyDiagnosisTests() => _diagnosis = new ForeignKeyDiagnosis(_clock, _logs.CreateLogger<ForeignKeyDiagnosis>());

    private IReadOnlyList<LogEntry> Warnings => _logs.Entries.Where(e => e.Level == LogLevel.Warning).ToList();

    [Fact]
    public void Record_TheFirstForeignKey_ShouldBeReportedAtOnceWithBothKeyIds()
    {
        _diagnosis.Record("their-key", "our-key");

        Warnings.Should().ContainSingle().Which.Message.Should().Contain("their-key").And.Contain("our-key");
    }

    [Fact]
    public void Record_AFloodOfMadeUpKeyIds_ShouldGiveOneWarningPerInterval()
    {
        for (var i = 0; i < 1000; i++)
        {
            _diagnosis.Record($"forged-{i}", "our-key");
        }

        Warnings.Should().ContainSingle();
    }

    [Fact]
    public void Record_ARealMismatchAfterAFlood_ShouldStillBeReportedNamingTheKeySeenMost()
    {
        for (var i = 0; i < 100; i++)
        {
            _diagnosis.Record($"forged-{i}", "our-key");
        }

        _clock.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 20; i++)
        {
            _diagnosis.Record("gateway-key", "our-key");
        }

        _clock.Advance(ForeignKeyDiagnosis.Interval);
        _diagnosis.Record("gateway-key", "our-key");

        Warnings.Should().HaveCount(2);
        Warnings[^1].Message.Should().Contain("gateway-key").And.Contain("120", "the summary counts every refused token since the first report");
    }
}
