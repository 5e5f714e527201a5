using TodoClean.TestCommon;

namespace TodoClean.WebApi.IntegrationTests;

/// <summary>Class fixture: the API on SQLite.</summary>
public sealed class SqliteApiFactory() : ApiFactory(StoreProvider.Sqlite);
