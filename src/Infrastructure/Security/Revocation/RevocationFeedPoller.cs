using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Queries.GetRevocations;
using TodoClean.Application.Users.Commands.ForgetUser;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Infrastructure.Security.Revocation;

/// <summary>
/// Follows the gateway's revocation feed into <see cref="RevokedTokens"/>: asks for what came after the last position once
/// per <see cref="RevocationOptions.PollInterval"/>. A starting API holds its first requests until the first answer (at
/// most <see cref="RevocationOptions.StartupWait"/>). When the feed is unreachable the API goes on serving tokens that
/// are valid — what it already knows stays enforced — says so once in the log and in <c>/health</c>, and catches up
/// from its position when the feed answers again. A record of a deleted account also makes the API forget that user's
/// todos and mirror (<see cref="ForgetUserCommand"/>, idempotent: every instance does it, and a failure is retried at the
/// next poll).
/// </summary>
internal sealed class RevocationFeedPoller : BackgroundService
{
    private readonly IHttpClientFactory _clients;
    private readonly RevokedTokens _revoked;
    private readonly RevocationFeedKey _key;
    private readonly RevocationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RevocationFeedPoller> _logger;
    private readonly IServiceScopeFactory _scopes;
    private readonly HashSet<string> _toForget = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forgotten = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _unreachable;

    public RevocationFeedPoller(
        IHttpClientFactory clients, RevokedTokens revoked, RevocationFeedKey key, IOptions<RevocationOptions> options,
        TimeProvider timeProvider, StoreGate gate, IServiceScopeFactory scopes, ILogger<RevocationFeedPoller> logger)
    {
        _scopes = scopes;
        _clients = clients;
        _revoked = revoked;
        _key = key;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        // Requests wait for the first answer, or for StartupWait when the feed does not answer: then the API serves,
        // degraded, rather than not at all.
        gate.WaitFor(Task.WhenAny(_firstAnswer.Task, Task.Delay(_options.StartupWait, timeProvider)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _timeProvider);
        do
        {
            await PollAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Asks until the feed has nothing more to give; notes whether it answered.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            var client = _clients.CreateClient(RevocationOptions.HttpClientName);
            RevocationFeed feed;
            do
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"internal/revocations?after={_revoked.Cursor}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key.Value);
                using var response = await client.SendAsync(request, cancellationToken);
                response.EnsureSuccessStatusCode();
                feed = await response.Content.ReadFromJsonAsync<RevocationFeed>(cancellationToken)
                    ?? throw new InvalidOperationException("The revocation feed answered null.");
                _revoked.Apply(feed);
                foreach (var entry in feed.Entries)
                {
                    if (entry.UserDeleted && !_forgotten.Contains(entry.UserId))
                    {
                        _toForget.Add(entry.UserId);
                    }
                }
            }
            while (feed.More);

            await ForgetDeletedUsersAsync(cancellationToken);

            if (_unreachable)
            {
                _unreachable = false;
                _logger.LogInformation("The revocation feed answers again; the API is up to date ({Count} revocations in force)", _revoked.Count);
            }

            _firstAnswer.TrySetResult();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            if (!_unreachable)
            {
                _unreachable = true;
                _logger.LogWarning(
                    "The revocation feed at {FeedUrl} does not answer ({Reason}): tokens revoked from now on are accepted " +
                    "until it answers again or they expire; revocations already known stay in force",
                    _options.FeedUrl, e.GetType().Name);
            }
        }
    }

    /// <summary>Deletes the todos and the mirror of every deleted account learnt of; what fails stays for the next poll.</summary>
    private async Task ForgetDeletedUsersAsync(CancellationToken cancellationToken)
    {
        foreach (var userId in _toForget.ToList())
        {
            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ForgetUserCommand(userId), cancellationToken);
                _toForget.Remove(userId);
                _forgotten.Add(userId);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                _logger.LogWarning("Could not yet forget deleted user {UserId} ({Reason}); retrying at the next poll", userId, e.GetType().Name);
            }
        }
    }
}
