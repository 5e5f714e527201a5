using TodoClean.TestCommon;

namespace TodoClean.AuthGateway.IntegrationTests;

/// <summary>Class fixture: the gateway on a database of its own on the test PostgreSQL server.</summary>
public sealed class PostgresGatewayFactory() : GatewayFactory(StoreProvider.Postgres);
