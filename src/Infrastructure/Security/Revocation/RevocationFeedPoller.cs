using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TodoClean.Application.Auth.Queries.GetRevocations;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Infrastructure.Security.Revocation;

/// <summary>
/// Follows the gateway's revocation feed into <see cref="RevokedTokens"/>: asks for what came after the last position once
/// per <see cref="RevocationOptions.PollInterval"/>. A starting API holds its first requests until the first answer (at
/// most <see cref="RevocationOptions.StartupWait"/>). When the feed is unreachable the API goes on serving tokens that
/// are valid — what it already knows stays enforced — says so once in the log and in <c>/health</c>, and catches up
/// from its position when the feed answers again.
/// </summary>
internal sealed class RevocationFeedPoller : BackgroundService
{
    private readonly IHttpClientFactory _clients;
    private readonly RevokedTokens _revoked;
    private readonly RevocationFeedKey _key;
    private readonly RevocationOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RevocationFeedPoller> _logger;
    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _unreachable;

    public RevocationFeedPoller(
        IHttpClientFactory clients, RevokedTokens revoked, RevocationFeedKey key, IOptions<RevocationOptions> options,
        TimeProvider timeProvider, StoreGate gate, ILogger<RevocationFeedPoller> logger)
    {
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
            }
            while (feed.More);

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
}
