using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>Class fixture: the gateway on SQLite.</summary>
public sealed class SqliteGatewayFactory() : GatewayFactory(StoreProvider.Sqlite);
