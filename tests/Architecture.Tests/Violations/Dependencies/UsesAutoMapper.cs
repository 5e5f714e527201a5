using AutoMapper;

namespace TodoClean.Architecture.Tests.Violations.Dependencies;

/// <summary>Deliberate violation: uses AutoMapper.</summary>
internal static class UsesAutoMapper
{
    public static bool IsMapper(object mapper) => mapper is IMapper;
}
