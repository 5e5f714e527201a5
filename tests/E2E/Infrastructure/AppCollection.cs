namespace TodoClean.E2E.Infrastructure;

/// <summary>Tests that share one app with the default token lifetime.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}
