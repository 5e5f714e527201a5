using Microsoft.AspNetCore.Http;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Infrastructure.UnitTests.Hosting;

/// <summary>Requests that arrive while the store is still being migrated wait for it, and are never lost or crashed.</summary>
public sealed class StoreGateTests
{
    private int _passedOn;

    private Task Next(HttpContext context)
    {
        _passedOn++;
        context.Response.StatusCode = StatusCodes.Status200OK;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task InvokeAsync_WhenThereIsNothingToWaitFor_ShouldPassTheRequestOn()
    {
        var context = new DefaultHttpContext();

        await new StoreGate().InvokeAsync(context, Next);

        _passedOn.Should().Be(1);
        context.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
    }

    [Fact]
    public async Task InvokeAsync_WhenTheStoreIsBeingPrepared_ShouldHoldTheRequestUntilItIsReady()
    {
        var preparation = new TaskCompletionSource();
        var gate = new StoreGate();
        gate.WaitFor(preparation.Task);

        var request = gate.InvokeAsync(new DefaultHttpContext(), Next);
        await Task.Delay(50);
        _passedOn.Should().Be(0, "the store is not ready yet");

        preparation.SetResult();
        await request;
        _passedOn.Should().Be(1);
    }

    [Fact]
    public async Task InvokeAsync_WhenThePreparationFailed_ShouldAnswer503WithoutPassingOn()
    {
        var gate = new StoreGate();
        gate.WaitFor(Task.FromException(new InvalidOperationException("the store cannot be reached")));
        var context = new DefaultHttpContext();

        await gate.InvokeAsync(context, Next);

        _passedOn.Should().Be(0);
        context.Response.StatusCode.Should().Be(StatusCodes.Status503ServiceUnavailable);
    }

    [Fact]
    public async Task InvokeAsync_WhenTheClientGivesUpWhileWaiting_ShouldStopWaiting()
    {
        var gate = new StoreGate();
        gate.WaitFor(new TaskCompletionSource().Task);
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };

        var request = gate.InvokeAsync(context, Next);
        await aborted.CancelAsync();

        await request.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
        _passedOn.Should().Be(0);
    }
}
