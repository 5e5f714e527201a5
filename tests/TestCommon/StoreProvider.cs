namespace TodoClean.TestCommon;

/// <summary>The database a test host runs on; the integration suites run every test class on each.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
}
