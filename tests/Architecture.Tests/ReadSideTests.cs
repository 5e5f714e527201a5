using TodoClean.Architecture.Tests.Rules;
using TodoClean.Architecture.Tests.Violations.ReadSide;

namespace TodoClean.Architecture.Tests;

/// <summary>Queries read through the read ports; nothing in Application reaches around a port to EF Core's context.</summary>
public sealed class ReadSideTests
{
    private static readonly TypeScope Application = new("application", [Production.Application], "TodoClean.Application");

    [Fact]
    public void QueryHandlersSelection_ShouldFindProductionQueryHandlers() =>
        ReadSideRules.QueryHandlers(Application).GetTypes().Should().HaveCountGreaterThan(3, "otherwise the rule would pass on nothing");

    [Fact]
    public void Application_ShouldNotUseTheDbContextBehindAPort() =>
        ReadSideRules.MustNotUseDbContext(Application).Offenders()
            .ShouldBeNone("Application talks to the stores through its ports only; it never casts one to a DbContext");

    [Fact]
    public void DbContextRule_WhenATypeCastsAPortToItsContext_ShouldNameIt() =>
        ReadSideRules.MustNotUseDbContext(ViolationScopes.ReadSide).Offenders()
            .Should().BeEquivalentTo(TypeNames.Of(typeof(PortCastingQueryHandler)));

    [Fact]
    public void QueryHandlers_ShouldReadThroughReadPortsOnly() =>
        ReadSideRules.QueryHandlersMustNotReadThroughTheWriteSide(Application).Offenders()
            .ShouldBeNone("A query handler reads through a read port (ITodoItemQueries, ISessionQueries, …), never through EF Core");

    [Fact]
    public void ReadPortRule_WhenAQueryHandlerReadsThroughEfCoreOrAWritePort_ShouldNameIt() =>
        ReadSideRules.QueryHandlersMustNotReadThroughTheWriteSide(ViolationScopes.ReadSide).Offenders()
            .Should().BeEquivalentTo(
                TypeNames.Of(typeof(PortCastingQueryHandler), typeof(WritePortQueryHandler)),
                "both read through the write side, and ReadPortQueryHandler does not");
}
