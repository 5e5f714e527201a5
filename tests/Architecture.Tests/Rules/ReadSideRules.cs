using Mediator;
using NetArchTest.Rules;
using TodoClean.Application.Common.Interfaces;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>
/// The read/write split: queries read through the read ports (Dapper in Infrastructure), commands write through the
/// write ports (EF Core). Nothing in Application reaches around a port to the EF Core context behind it.
/// </summary>
public static class ReadSideRules
{
    /// <summary>The EF Core context type and everything named after it (options, builders): never needed behind a port.</summary>
    public const string DbContextTypes = "Microsoft.EntityFrameworkCore.DbContext";

    /// <summary>What a query handler must not read through: EF Core itself and the write side's ports.</summary>
    public static readonly IReadOnlyList<string> WriteSide =
    [
        "Microsoft.EntityFrameworkCore",
        typeof(IAuthDbContext).FullName!,
        typeof(ITodoDbContext).FullName!,
    ];

    public static PredicateList QueryHandlers(TypeScope scope) =>
        scope.Select().And().AreClasses().And().MeetCustomRule(new ImplementsAnyRule(typeof(IQueryHandler<,>)));

    /// <summary>No type may use <see cref="DbContextTypes"/> (a cast of a port to its context, a context of its own).</summary>
    public static TestResult MustNotUseDbContext(TypeScope scope) =>
        scope.Select().ShouldNot().HaveDependencyOn(DbContextTypes).GetResult();

    /// <summary>Query handlers read through read ports only: no EF Core type, no write port.</summary>
    public static TestResult QueryHandlersMustNotReadThroughTheWriteSide(TypeScope scope) =>
        QueryHandlers(scope).ShouldNot().HaveDependencyOnAny([.. WriteSide]).GetResult();
}
