using Mediator;
using Microsoft.Extensions.Logging;

namespace TodoClean.Application.Common.Behaviours;

/// <summary>Warns when a request takes longer than it should (password hashing included).</summary>
public sealed class PerformanceBehaviour<TMessage, TResponse>(
    ILogger<PerformanceBehaviour<TMessage, TResponse>> logger, TimeProvider timeProvider)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(500);

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var start = timeProvider.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = timeProvider.GetElapsedTime(start);
        if (elapsed > Threshold)
        {
            logger.LogWarning(
                "Long running request {RequestName} took {ElapsedMilliseconds} ms",
                typeof(TMessage).Name, (long)elapsed.TotalMilliseconds);
        }

        return response;
    }
}
