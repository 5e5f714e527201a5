using FluentValidation;
using Mediator;
using NetArchTest.Rules;

namespace TodoClean.Architecture.Tests.Rules;

/// <summary>Handlers, validators and requests: one folder per use case (docs/style.md, "Use cases").</summary>
public static class UseCaseRules
{
    public static readonly IReadOnlyList<Type> HandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(ICommandHandler<>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>),
        typeof(IRequestHandler<>), typeof(IStreamCommandHandler<,>), typeof(IStreamQueryHandler<,>),
        typeof(IStreamRequestHandler<,>),
    ];

    public static readonly IReadOnlyList<Type> CommandInterfaces = [typeof(IBaseCommand), typeof(IBaseStreamCommand)];

    public static readonly IReadOnlyList<Type> QueryInterfaces = [typeof(IBaseQuery), typeof(IBaseStreamQuery)];

    /// <summary>Every request kind: ICommand, ICommand&lt;T&gt;, IQuery&lt;T&gt;, IRequest… each derive from one of these.</summary>
    public static readonly IReadOnlyList<Type> RequestInterfaces =
        [.. CommandInterfaces, .. QueryInterfaces, typeof(IBaseRequest), typeof(IBaseStreamRequest)];

    public static PredicateList Handlers(TypeScope scope) =>
        scope.Select().And().AreClasses().And().MeetCustomRule(new ImplementsAnyRule([.. HandlerInterfaces]));

    public static PredicateList Validators(TypeScope scope) =>
        scope.Select().And().AreClasses().And().MeetCustomRule(new InheritsFromRule(typeof(AbstractValidator<>)));

    public static PredicateList Requests(TypeScope scope) =>
        scope.Select().And().AreNotInterfaces().And().MeetCustomRule(new ImplementsAnyRule([.. RequestInterfaces]));

    public static TestResult HandlersMustBeInternalSealed(TypeScope scope) =>
        Handlers(scope).Should().NotBePublic().And().BeSealed().GetResult();

    public static TestResult HandlersMustBeNamedHandler(TypeScope scope) =>
        Handlers(scope).Should().HaveNameEndingWith("Handler", StringComparison.Ordinal).GetResult();

    public static TestResult HandlersMustSitWithTheirRequests(TypeScope scope) =>
        Handlers(scope).Should().MeetCustomRule(new SitsWithItsRequestsRule(HandlerInterfaces)).GetResult();

    public static TestResult ValidatorsMustBeInternalSealed(TypeScope scope) =>
        Validators(scope).Should().NotBePublic().And().BeSealed().GetResult();

    public static TestResult ValidatorsMustBeNamedValidator(TypeScope scope) =>
        Validators(scope).Should().HaveNameEndingWith("Validator", StringComparison.Ordinal).GetResult();

    public static TestResult RequestsMustBeSealedRecords(TypeScope scope) =>
        Requests(scope).Should().MeetCustomRule(new IsSealedRecordRule()).GetResult();

    public static TestResult RequestsMustBeImmutable(TypeScope scope) =>
        Requests(scope).Should().MeetCustomRule(new IsImmutableRule()).GetResult();

    public static TestResult RequestsMustBeNamedCommandOrQuery(TypeScope scope) =>
        Requests(scope).Should().MeetCustomRule(new IsNamedForItsKindRule(CommandInterfaces, QueryInterfaces)).GetResult();
}
