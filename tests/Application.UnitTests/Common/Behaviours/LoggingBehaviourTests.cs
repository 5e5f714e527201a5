using Mediator;
using TodoClean.Application.Auth.Commands.SignIn;
using TodoClean.Application.Auth.Commands.SignUp;
using TodoClean.Application.Auth.Common;
using TodoClean.Application.Auth.Queries.GetSession;
using TodoClean.Application.Common.Behaviours;
using TodoClean.Application.Common.Interfaces;
using TodoClean.Application.TodoItems.Commands.CreateTodoItem;
using TodoClean.TestCommon;

namespace TodoClean.Application.UnitTests.Common.Behaviours;

public sealed class LoggingBehaviourTests
{
    private const string Secret = "Sup3r-Secret-Passw0rd";
    private readonly LogCollector _logs = new();

    [Fact]
    public async Task Handle_WhenSignInIsSent_ShouldLogItsNameButNeverItsContents()
    {
        var command = AuthRequests.SignIn(password: Secret);

        await RunAsync<SignInCommand, AuthSession?>(command);

        _logs.Entries.Should().ContainSingle().Which.AllText.Should().Contain(nameof(SignInCommand));
        _logs.Entries.Should().NotContain(e => e.AllText.Contains(Secret, StringComparison.Ordinal));
        _logs.Entries.Should().NotContain(e => e.Properties.Any(p => p.Value is ISensitiveRequest));
    }

    [Fact]
    public async Task Handle_WhenSignUpIsSent_ShouldNeverLogThePassword()
    {
        var command = AuthRequests.SignUp(password: Secret);

        await RunAsync<SignUpCommand, AuthSession?>(command);

        _logs.Entries.Should().NotBeEmpty();
        _logs.Entries.Should().NotContain(e => e.AllText.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_WhenASessionTokenIsSent_ShouldNeverLogTheToken()
    {
        var command = new GetSessionQuery(Secret);

        await RunAsync<GetSessionQuery, AuthSession?>(command);

        _logs.Entries.Should().NotBeEmpty();
        _logs.Entries.Should().NotContain(e => e.AllText.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_WhenRequestIsNotSensitive_ShouldLogItsContents()
    {
        var command = TodoRequests.Create(title: "Buy milk");

        await RunAsync<CreateTodoItemCommand, string>(command);

        _logs.Entries.Should().ContainSingle().Which.AllText.Should()
            .Contain(nameof(CreateTodoItemCommand)).And.Contain("Buy milk");
    }

    [Fact]
    public async Task Handle_WhenCalled_ShouldReturnTheHandlersResponse()
    {
        var behaviour = new LoggingBehaviour<CreateTodoItemCommand, string>(
            _logs.CreateLogger<LoggingBehaviour<CreateTodoItemCommand, string>>());

        var response = await behaviour.Handle(
            TodoRequests.Create(), (_, _) => ValueTask.FromResult("handled"), CancellationToken.None);

        response.Should().Be("handled");
    }

    [Fact]
    public void Handle_WhenAnyRequestCarriesAPasswordOrToken_ShouldTreatItAsSensitive()
    {
        var requests = typeof(ISensitiveRequest).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        var carryingSecrets = requests
            .Where(t => t.GetProperties().Any(p =>
                p.Name.Contains("Password", StringComparison.Ordinal) || p.Name.Contains("Token", StringComparison.Ordinal)))
            .ToList();

        carryingSecrets.Should().Contain([typeof(SignInCommand), typeof(SignUpCommand), typeof(GetSessionQuery)]);
        carryingSecrets.Should().OnlyContain(t => typeof(ISensitiveRequest).IsAssignableFrom(t));
    }

    private async Task RunAsync<TMessage, TResponse>(TMessage message)
        where TMessage : IMessage
    {
        var behaviour = new LoggingBehaviour<TMessage, TResponse>(_logs.CreateLogger<LoggingBehaviour<TMessage, TResponse>>());
        await behaviour.Handle(message, (_, _) => ValueTask.FromResult(default(TResponse)!), CancellationToken.None);
    }
}
