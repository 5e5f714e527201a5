using Mono.Cecil;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>Small helpers over Mono.Cecil type definitions, the model NetArchTest hands to custom rules.</summary>
internal static class CecilTypes
{
    /// <summary>The type and its base classes up to (not including) <see cref="object"/>.</summary>
    public static IEnumerable<TypeDefinition> SelfAndBaseTypes(this TypeDefinition type)
    {
        for (var current = type; current is not null; current = current.BaseType?.Resolve())
        {
            yield return current;
            if (current.BaseType is null || current.BaseType.FullName is "System.Object" or "System.ValueType")
            {
                yield break;
            }
        }
    }

    /// <summary>Every interface the type implements, including those of its base classes.</summary>
    public static IEnumerable<TypeReference> AllInterfaces(this TypeDefinition type) =>
        type.SelfAndBaseTypes().SelectMany(t => t.Interfaces).Select(i => i.InterfaceType);

    /// <summary>
    /// Whether the reference is <paramref name="type"/>, or a closed form of it when <paramref name="type"/> is an open
    /// generic (<c>ICommandHandler&lt;A, B&gt;</c> is <c>typeof(ICommandHandler&lt;,&gt;)</c>).
    /// </summary>
    public static bool Is(this TypeReference reference, Type type) =>
        string.Equals(reference.GetElementType().FullName, type.FullName, StringComparison.Ordinal);

    public static bool IsAny(this TypeReference reference, IEnumerable<Type> types) => types.Any(reference.Is);

    /// <summary>The namespace a type lives in; a nested type lives in its outermost declaring type's namespace.</summary>
    public static string NamespaceOf(TypeReference type)
    {
        var current = type.GetElementType();
        while (current.DeclaringType is not null)
        {
            current = current.DeclaringType;
        }

        return current.Namespace;
    }
}
