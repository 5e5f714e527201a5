using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace TodoClean.Application.Common.Persistence;

/// <summary>
/// An EF Core compiled query, compiled once per model. EF Core binds a compiled query to the first model it runs
/// against and refuses any other, and one process may hold several models of a store (SQLite and PostgreSQL in tests).
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext context) => _byModel.GetValue(context.Model, _ => compile());
}
