using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TodoClean.Infrastructure.Security.Revocation;

/// <summary><c>/health</c>: Degraded, with the age of the last update, when the revocation feed has not answered lately.</summary>
internal sealed class RevocationFeedHealthCheck(RevokedTokens revoked, IOptions<RevocationOptions> options, TimeProvider timeProvider)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (revoked.LastUpdate is not { } last)
        {
            return Task.FromResult(HealthCheckResult.Degraded("The revocation feed has not answered yet."));
        }

        var age = timeProvider.GetUtcNow() - last;
        var description = $"The revocation feed last answered {age.TotalSeconds:0.0} s ago.";
        return Task.FromResult(age > options.Value.StaleAfter
            ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description));
    }
}
