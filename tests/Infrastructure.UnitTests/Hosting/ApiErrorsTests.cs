using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using TodoClean.Application.Common.Exceptions;
using TodoClean.Domain.Exceptions;
using TodoClean.Infrastructure.Hosting;

namespace TodoClean.Infrastructure.UnitTests.Hosting;

/// <summary>The one mapping from exceptions to answers: refusals by their type, everything else a 500.</summary>
public sealed class ApiErrorsTests
{
    private static readonly HttpContext Context = new DefaultHttpContext();

    public static TheoryData<string, Exception, int> Refusals() => new()
    {
        { "validation", new ValidationException([new ValidationFailure("title", "Title must not be empty.")]), 400 },
        { "domain rule", new DomainException("title", "Title must not be empty."), 400 },
        { "not found", new NotFoundException("todo"), 404 },
        { "stale copy", new PreconditionFailedException("stale"), 412 },
        { "Better Auth", new AuthException(new AuthError("INVALID_PASSWORD", "Invalid password", AuthErrorKind.BadRequest)), 400 },
        { "no caller", new UnauthenticatedException(), 401 },
        { "host decision", new HttpProblemException(ApiErrors.TooManyRequests(TimeSpan.FromSeconds(3))), 429 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void From_WhenTheExceptionIsARefusal_ShouldAnswerItsStatus(string why, Exception refusal, int status)
    {
        refusal.Should().BeAssignableTo<RefusedException>(why);

        ApiErrors.From(refusal, Context).Status.Should().Be(status, why);
    }

    [Theory]
    [InlineData("file permission", typeof(UnauthorizedAccessException))]
    [InlineData("bug", typeof(InvalidOperationException))]
    [InlineData("I/O", typeof(IOException))]
    public void From_WhenTheExceptionIsNotARefusal_ShouldBeA500WithoutItsText(string why, Type type)
    {
        var fault = (Exception)Activator.CreateInstance(type, "secret detail /etc/todoclean")!;

        var error = ApiErrors.From(fault, Context);

        error.Status.Should().Be(StatusCodes.Status500InternalServerError, why);
        error.Detail.Should().NotContain("secret detail");
    }

    [Fact]
    public void From_WhenNotFound_ShouldSayWhatWasNotFound()
    {
        ApiErrors.From(new NotFoundException("todo"), Context).Detail.Should().Be("The todo was not found.");
    }

    [Fact]
    public void From_WhenTheBodyIsNotJson_ShouldSaySoWithoutNamingAField()
    {
        var syntax = CaptureJsonException("{\"title\": ");

        var error = ApiErrors.From(new BadHttpRequestException("bad", StatusCodes.Status400BadRequest, syntax), Context);

        error.Should().Be(ApiErrors.InvalidJson);
    }

    [Fact]
    public void From_WhenAJsonValueHasTheWrongType_ShouldNameTheField()
    {
        var type = CaptureJsonException("{\"title\": \"x\", \"isDone\": \"yes\"}");

        var error = ApiErrors.From(new BadHttpRequestException("bad", StatusCodes.Status400BadRequest, type), Context);

        error.Status.Should().Be(StatusCodes.Status400BadRequest);
        error.Errors.Should().ContainKey("isDone");
    }

    [Fact]
    public void TooManyRequests_WhenTheWaitIsUnderASecond_ShouldCarryBothRetryHeadersAsOneWholeSecond()
    {
        var error = ApiErrors.TooManyRequests(TimeSpan.FromMilliseconds(10));

        error.Headers.Should().Contain("Retry-After", "1").And.Contain("X-Retry-After", "1");
    }

    private sealed record Body(string Title, bool IsDone);

    private static JsonException CaptureJsonException(string json)
    {
        try
        {
            JsonSerializer.Deserialize<Body>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException e)
        {
            return e;
        }

        throw new InvalidOperationException("The JSON was expected to fail.");
    }
}
