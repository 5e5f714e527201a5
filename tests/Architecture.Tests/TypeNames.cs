namespace TodoClean.Architecture.Tests;

internal static class TypeNames
{
    /// <summary>Full names as NetArchTest reports them (the fixtures are top-level types, so no nested-name mismatch).</summary>
    public static string[] Of(params Type[] types) => [.. types.Select(t => t.FullName!)];
}
