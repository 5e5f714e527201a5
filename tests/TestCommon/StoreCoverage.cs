using System.Reflection;
using Xunit;

namespace TodoClean.TestCommon;

/// <summary>
/// The rule that keeps the integration suites running on both stores: every test class is the nested <c>OnSqlite</c> or
/// <c>OnPostgres</c> variant of an abstract class that has both (the variant only picks the store).
/// </summary>
public static class StoreCoverage
{
    public static readonly string[] Variants = ["OnSqlite", "OnPostgres"];

    /// <summary>Full names of the test classes among <paramref name="types"/> that break the rule, except <paramref name="exempt"/>.</summary>
    public static IReadOnlyList<string> Offenders(IEnumerable<Type> types, params Type[] exempt) =>
        types.Where(t => t.IsClass && !t.IsAbstract && HasTests(t) && !exempt.Contains(t) && !IsVariant(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsVariant(Type type) =>
        type.DeclaringType is { IsAbstract: true } outer
        && type.BaseType == outer
        && Variants.Contains(type.Name)
        && Variants.All(name => outer.GetNestedType(name, BindingFlags.Public | BindingFlags.NonPublic)?.BaseType == outer);

    private static bool HasTests(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.IsDefined(typeof(FactAttribute), inherit: true));
}
