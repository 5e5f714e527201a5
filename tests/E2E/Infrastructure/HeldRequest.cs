using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TodoClean.E2E.Infrastructure;

/// <summary>
/// The next request of one method to one place, held in the browser until released, so a test can reload or close its
/// page while the request is provably on its way. It is routed on the browser context: a request sent with
/// <c>keepalive</c> stays reachable there after its page is gone, while one sent without it is cancelled with the page
/// and, released, never reaches the server.
/// </summary>
public sealed class HeldRequest
{
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taken;

    private HeldRequest()
    {
    }

    /// <summary>Holds the next <paramref name="method"/> request whose URL starts with <paramref name="urlPrefix"/>.</summary>
    public static async Task<HeldRequest> HoldNextAsync(IBrowserContext context, string method, string urlPrefix)
    {
        var held = new HeldRequest();
        // A pattern rather than a predicate, so the browser asks the test only about these requests.
        await context.RouteAsync(new Regex("^" + Regex.Escape(urlPrefix)), async route =>
        {
            if (route.Request.Method != method || Interlocked.Exchange(ref held._taken, 1) == 1)
            {
                await route.FallbackAsync();
                return;
            }

            held._sent.TrySetResult();
            await held._release.Task;
            try
            {
                await route.ContinueAsync();
            }
            catch (PlaywrightException)
            {
                // Cancelled with its page: the server never sees it, which is what the test then finds out.
            }
        });
        return held;
    }

    /// <summary>Waits until the page has sent the request (it is now held).</summary>
    public Task SentAsync() => _sent.Task.WaitAsync(TimeSpan.FromSeconds(15));

    /// <summary>Lets the request go on to the server.</summary>
    public void Release() => _release.TrySetResult();
}
