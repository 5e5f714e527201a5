using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TodoClean.Application.Common.Behaviours;
using TodoClean.Application.TodoItems.Queries.ListTodoItems;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Common.Behaviours;

public sealed class PerformanceBehaviourTests
{
    private static readonly ListTodoItemsQuery Query = new();
    private readonly LogCollector _logs = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly PerformanceBehaviour<ListTodoItemsQuery, string> _behaviour;

    public PerformanceBehaviourTests() =>
        _behaviour = new PerformanceBehaviour<ListTodoItemsQuery, string>(
            _logs.CreateLogger<PerformanceBehaviour<ListTodoItemsQuery, string>>(), _clock);

    [Fact]
    public async Task Handle_WhenRequestTakesLongerThanTheThreshold_ShouldWarnWithItsNameAndDuration()
    {
        var response = await _behaviour.Handle(Query, (_, _) => Takes(TimeSpan.FromMilliseconds(750)), CancellationToken.None);

        response.Should().Be("done");
        var entry = _logs.Entries.Should().ContainSingle().Which;
        entry.Level.Should().Be(LogLevel.Warning);
        entry.Properties.Should().Contain(new KeyValuePair<string, object?>("RequestName", nameof(ListTodoItemsQuery)));
        entry.Properties.Should().Contain(new KeyValuePair<string, object?>("ElapsedMilliseconds", 750L));
    }

    [Fact]
    public async Task Handle_WhenRequestTakesExactlyTheThreshold_ShouldNotWarn()
    {
        await _behaviour.Handle(Query, (_, _) => Takes(PerformanceBehaviour<ListTodoItemsQuery, string>.Threshold), CancellationToken.None);

        _logs.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Handle_WhenRequestIsFast_ShouldNotLog()
    {
        var response = await _behaviour.Handle(Query, (_, _) => Takes(TimeSpan.FromMilliseconds(20)), CancellationToken.None);

        response.Should().Be("done");
        _logs.Entries.Should().BeEmpty();
    }

    private ValueTask<string> Takes(TimeSpan duration)
    {
        _clock.Advance(duration);
        return ValueTask.FromResult("done");
    }
}
