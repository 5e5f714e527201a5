using System.Collections.Concurrent;
using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using TodoClean.Application.Common.Persistence;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Queries.ListTodoItems;

/// <summary>
/// The list query, compiled once per sort order and per model (<see cref="CompiledPerModel{TQuery}"/>; EF Core then skips
/// translating the LINQ tree on every request) and
/// answered in one round trip: each row carries the total count as a scalar subquery, which SQLite evaluates once.
/// The filter, the sort orders and the AutoMapper projection are written once and spliced into each query.
/// </summary>
internal static class ListTodoItemsCompiledQueries
{
    public delegate IAsyncEnumerable<PageRow> PageQuery(DbContext db, string ownerId, bool? done, string? term, int skip, int take);

    /// <summary>One row of a page and the number of rows the filter matches in all.</summary>
    public sealed record PageRow(TodoItemDto Item, int Total);

    // The caller's todos, by status (null: all) and search term (lower case; null: none).
    private static readonly Expression<Func<DbContext, string, bool?, string?, IQueryable<TodoItem>>> Filter =
        (db, ownerId, done, term) => db.Set<TodoItem>().AsNoTracking().Where(t =>
            t.OwnerId == ownerId
            && (done == null || t.IsDone == done)
            && (term == null || t.Title.ToLower().Contains(term) || (t.Description != null && t.Description.ToLower().Contains(term))));

    // Every order ends on the id (a GUIDv7, so creation order) to keep pages stable.
    private static readonly Dictionary<string, Expression<Func<IQueryable<TodoItem>, IQueryable<TodoItem>>>> Orders = new(StringComparer.Ordinal)
    {
        ["created"] = items => items.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        ["due"] = items => items.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id),
        ["title"] = items => items.OrderBy(t => t.Title.ToLower()).ThenBy(t => t.Id),
        ["-created"] = items => items.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
    };

    private static readonly CompiledPerModel<Func<DbContext, string, bool?, string?, Task<int>>> CountQuery = new(() =>
        EF.CompileAsyncQuery(Splice<Func<DbContext, string, bool?, string?, int>>(
            (context, owner, isDone, search) => Filtered(context, owner, isDone, search).Count())));

    // One set of page queries per model, each sort order compiled on first use.
    private static readonly CompiledPerModel<ConcurrentDictionary<string, PageQuery>> Pages =
        new(() => new ConcurrentDictionary<string, PageQuery>(StringComparer.Ordinal));

    /// <summary>The page query for <paramref name="sort"/> (null: newest first), compiled with the mapper's projection on first use.</summary>
    public static PageQuery Page(DbContext db, string? sort, IConfigurationProvider mapping) =>
        Pages.For(db).GetOrAdd(sort ?? "-created", key => CompilePage(Orders[key], mapping));

    /// <summary>How many of the caller's todos match (for a page past the end, which has no row to carry it).</summary>
    public static Task<int> Count(DbContext db, string ownerId, bool? done, string? term) =>
        CountQuery.For(db)(db, ownerId, done, term);

    private static PageQuery CompilePage(
        Expression<Func<IQueryable<TodoItem>, IQueryable<TodoItem>>> order, IConfigurationProvider mapping)
    {
        // AutoMapper's projection (the same one ProjectTo applies), taken from a query it builds over nothing.
        var projectTo = (MethodCallExpression)Enumerable.Empty<TodoItem>().AsQueryable().ProjectTo<TodoItemDto>(mapping).Expression;
        var projection = (Expression<Func<TodoItem, TodoItemDto>>)((UnaryExpression)projectTo.Arguments[1]).Operand;

        Expression<Func<DbContext, string, bool?, string?, int, int, IQueryable<PageRow>>> template =
            (db, ownerId, done, term, skip, take) => Ordered(Filtered(db, ownerId, done, term))
                .Skip(skip)
                .Take(take)
                .Select(t => new PageRow(Project(t), Filtered(db, ownerId, done, term).Count()));
        var query = EF.CompileAsyncQuery(Splice(template, order, projection));
        return (db, ownerId, done, term, skip, take) => query(db, ownerId, done, term, skip, take);
    }

    /// <summary>Replaces the placeholder calls in <paramref name="template"/> with the bodies they stand for.</summary>
    private static Expression<T> Splice<T>(
        Expression<T> template,
        Expression<Func<IQueryable<TodoItem>, IQueryable<TodoItem>>>? order = null,
        Expression<Func<TodoItem, TodoItemDto>>? projection = null) =>
        (Expression<T>)new Inliner(new Dictionary<string, LambdaExpression?>(StringComparer.Ordinal)
        {
            [nameof(Filtered)] = Filter,
            [nameof(Ordered)] = order,
            [nameof(Project)] = projection,
        }).Visit(template);

    // Placeholders: never called, only spliced away.
    private static IQueryable<TodoItem> Filtered(DbContext db, string ownerId, bool? done, string? term) =>
        throw new InvalidOperationException("Placeholder for the list filter.");

    private static IQueryable<TodoItem> Ordered(IQueryable<TodoItem> items) =>
        throw new InvalidOperationException("Placeholder for a sort order.");

    private static TodoItemDto Project(TodoItem item) =>
        throw new InvalidOperationException("Placeholder for the DTO projection.");

    private sealed class Inliner(IReadOnlyDictionary<string, LambdaExpression?> bodies) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType == typeof(ListTodoItemsCompiledQueries)
                && bodies.TryGetValue(node.Method.Name, out var lambda) && lambda is not null)
            {
                var arguments = node.Arguments.Select(Visit).ToList();
                var body = new Substitution(lambda.Parameters.Zip(arguments!).ToDictionary(p => p.First, p => p.Second!)).Visit(lambda.Body);
                return Visit(body);
            }

            return base.VisitMethodCall(node);
        }
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
