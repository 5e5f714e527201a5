using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>The store-coverage rule for this assembly; the rule itself is shown failing in AuthGateway.IntegrationTests.</summary>
public sealed class StoreCoverageTests
{
    [Fact]
    public void EveryTestClass_ShouldRunOnSqliteAndOnPostgres() =>
        StoreCoverage.Offenders(typeof(StoreCoverageTests).Assembly.GetExportedTypes(), typeof(StoreCoverageTests))
            .Should().BeEmpty("each test class is an abstract class with nested OnSqlite and OnPostgres variants");
}
