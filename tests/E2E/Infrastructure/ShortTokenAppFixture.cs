namespace TodoClean.E2E.Infrastructure;

/// <summary>The same app with JWTs that live six seconds, so a test can outlast several of them.</summary>
public sealed class ShortTokenAppFixture : AppFixture
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(6);

    protected override TimeSpan? AccessTokenLifetime => TokenLifetime;
}
