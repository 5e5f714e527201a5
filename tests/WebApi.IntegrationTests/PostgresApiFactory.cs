using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>Class fixture: the API on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresApiFactory() : ApiFactory(StoreProvider.Postgres);
