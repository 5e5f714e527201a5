using Mediator;
using Microsoft.Extensions.Logging;
using TodoClean.Domain.Exceptions;

namespace TodoClean.Application.Common.Behaviours;

/// <summary>Logs unexpected failures with the request name, then lets them travel on to the host's handler.</summary>
public sealed class UnhandledExceptionBehaviour<TMessage, TResponse>(
    ILogger<UnhandledExceptionBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (!IsExpected(ex, cancellationToken))
        {
            logger.LogError(ex, "Request {RequestName} failed unexpectedly", typeof(TMessage).Name);
            throw;
        }
    }

    /// <summary>A refusal (the caller is told why) or the caller's own cancellation: not a fault.</summary>
    private static bool IsExpected(Exception ex, CancellationToken cancellationToken) =>
        ex is RefusedException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
