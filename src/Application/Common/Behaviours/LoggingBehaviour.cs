using Mediator;
using Microsoft.Extensions.Logging;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Application.Common.Behaviours;

/// <summary>Logs each request by name. Requests carrying secrets (<see cref="ISensitiveRequest"/>) never have their contents logged.</summary>
public sealed class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            if (message is ISensitiveRequest)
            {
                logger.LogDebug("Handling {RequestName} (contents withheld: sensitive)", typeof(TMessage).Name);
            }
            else
            {
                logger.LogDebug("Handling {RequestName} {@Request}", typeof(TMessage).Name, message);
            }
        }

        return next(message, cancellationToken);
    }
}
