using TodoClean.Infrastructure.Persistence.Common;

namespace TodoClean.Infrastructure.Persistence.Todos.Configurations;

/// <summary>The API's mirror of users, keyed by the gateway's id. Emails here are informational, not unique.</summary>
internal sealed class TodoUserConfiguration : UserConfigurationBase;
