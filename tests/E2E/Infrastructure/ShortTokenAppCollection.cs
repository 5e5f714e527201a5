namespace TodoClean.E2E.Infrastructure;

/// <summary>Tests that need tokens to expire while they run.</summary>
[CollectionDefinition(Name)]
public sealed class ShortTokenAppCollection : ICollectionFixture<ShortTokenAppFixture>
{
    public const string Name = "Short-lived tokens";
}
