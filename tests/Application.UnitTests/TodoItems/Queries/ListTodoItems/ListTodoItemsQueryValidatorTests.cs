using FluentValidation.TestHelper;
using TodoClean.Application.TodoItems.Queries.ListTodoItems;

namespace TodoClean.Application.UnitTests.TodoItems.Queries.ListTodoItems;

public sealed class ListTodoItemsQueryValidatorTests
{
    private readonly ListTodoItemsQueryValidator _validator = new();

    [Fact]
    public void Validate_WhenNothingIsGiven_ShouldPass()
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery());

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("all")]
    [InlineData("open")]
    [InlineData("done")]
    public void Validate_WhenStatusIsKnown_ShouldPass(string status)
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(Status: status));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("")]
    [InlineData("Open")]
    [InlineData("archived")]
    public void Validate_WhenStatusIsUnknown_ShouldFailOnStatus(string status)
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(Status: status));

        result.ShouldHaveValidationErrorFor(q => q.Status).WithErrorMessage("Status must be one of: all, open, done.");
    }

    [Theory]
    [InlineData("created")]
    [InlineData("-created")]
    [InlineData("due")]
    [InlineData("title")]
    public void Validate_WhenSortIsKnown_ShouldPass(string sort)
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(Sort: sort));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("-title")]
    [InlineData("priority")]
    public void Validate_WhenSortIsUnknown_ShouldFailOnSort(string sort)
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(Sort: sort));

        result.ShouldHaveValidationErrorFor(q => q.Sort).WithErrorMessage("Sort must be one of: created, -created, due, title.");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    [InlineData(int.MaxValue)]
    public void Validate_WhenPageIsOutOfRange_ShouldFailOnPage(int page)
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(Page: page));

        result.ShouldHaveValidationErrorFor(q => q.Page).WithErrorMessage("Page must be between 1 and 1000000.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ListTodoItemsQuery.MaxPageSize)]
    public void Validate_WhenPageSizeIsAtABound_ShouldPass(int pageSize)
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(PageSize: pageSize));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ListTodoItemsQuery.MaxPageSize + 1)]
    public void Validate_WhenPageSizeIsOutOfBounds_ShouldFailOnPageSize(int pageSize)
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(PageSize: pageSize));

        result.ShouldHaveValidationErrorFor(q => q.PageSize).WithErrorMessage("Page size must be between 1 and 100.");
    }

    [Fact]
    public void Validate_WhenSearchIsAtTheMaximum_ShouldPass()
    {
        var result = _validator.TestValidate(new ListTodoItemsQuery(Search: new string('s', ListTodoItemsQuery.MaxSearchLength)));

        result.ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Validate_WhenSearchIsTooLong_ShouldFailOnSearch()
    {
        var result = _validator.TestValidate(
            new ListTodoItemsQuery(Search: new string('s', ListTodoItemsQuery.MaxSearchLength + 1)));

        result.ShouldHaveValidationErrorFor(q => q.Search);
    }
}
