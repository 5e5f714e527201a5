using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

public sealed class StoreCoverageTests
{
    [Fact]
    public void EveryTestClass_ShouldRunOnSqliteAndOnPostgres() =>
        StoreCoverage.Offenders(typeof(StoreCoverageTests).Assembly.GetExportedTypes(),
                typeof(StoreCoverageTests), // this rule
                typeof(ScaleOutLimitsTests), // several instances share one store: PostgreSQL only
                typeof(MigrationTests), // checks both providers' migrations itself
                typeof(ScaleOutTests), // several instances on one PostgreSQL server, by definition
                typeof(HostPortTests)) // how the suites' hosts get their ports, whatever their store
            .Should().BeEmpty("each test class is an abstract class with nested OnSqlite and OnPostgres variants");

    [Fact]
    public void Rule_WhenATestClassRunsOnOneStoreOnly_ShouldNameIt() =>
        StoreCoverage.Offenders([typeof(SqliteOnly), typeof(HalfCovered.OnSqlite)])
            .Should().Equal(typeof(HalfCovered.OnSqlite).FullName, typeof(SqliteOnly).FullName);

#pragma warning disable xUnit1000 // Deliberate violations: not public, so xunit never runs them.
    private sealed class SqliteOnly
    {
        [Fact]
        public void Test()
        {
        }
    }

    private abstract class HalfCovered
    {
        [Fact]
        public void Test()
        {
        }

        public sealed class OnSqlite : HalfCovered;
    }
#pragma warning restore xUnit1000
}
