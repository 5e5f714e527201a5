using TodoClean.Application.Common.Exceptions;
using TodoClean.Application.TodoItems.Queries.ListTodoItems;
using TodoClean.Application.SubcutaneousTests.TestSupport;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.SubcutaneousTests.TodoItems.Queries.ListTodoItems;

public sealed class ListTodoItemsQueryHandlerTests : HandlerTestBase
{
    private static readonly DateTime Due = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Handle_WhenOtherUsersHaveTodos_ShouldListAndCountOnlyTheCallers()
    {
        await SeedAsync(CallerId, "Mine 1");
        await SeedAsync("someone-else", "Theirs");
        await SeedAsync(CallerId, "Mine 2");

        var page = await SendAsync(new ListTodoItemsQuery());

        page.Items.Select(t => t.Title).Should().BeEquivalentTo("Mine 1", "Mine 2");
        page.TotalCount.Should().Be(2);
    }

    [Fact]
    public async Task Handle_WhenNothingIsAsked_ShouldReturnTheFirstTwentyNewestFirst()
    {
        for (var i = 1; i <= 25; i++)
        {
            await SeedAsync(CallerId, $"Todo {i:00}");
        }

        var page = await SendAsync(new ListTodoItemsQuery());

        page.Page.Should().Be(1);
        page.PageSize.Should().Be(ListTodoItemsQuery.DefaultPageSize).And.Be(20);
        page.TotalCount.Should().Be(25);
        page.TotalPages.Should().Be(2);
        page.Items.Should().HaveCount(20);
        page.Items[0].Title.Should().Be("Todo 25");
        page.Items[^1].Title.Should().Be("Todo 06");
    }

    [Fact]
    public async Task Handle_WhenCallerHasNoTodos_ShouldReturnAnEmptyPage()
    {
        await SeedAsync("someone-else", "Theirs");

        var page = await SendAsync(new ListTodoItemsQuery());

        page.Items.Should().BeEmpty();
        page.TotalCount.Should().Be(0);
        page.TotalPages.Should().Be(0);
    }

    [Theory]
    [InlineData("open", new[] { "Open" })]
    [InlineData("done", new[] { "Done" })]
    [InlineData("all", new[] { "Open", "Done" })]
    [InlineData(null, new[] { "Open", "Done" })]
    public async Task Handle_WhenStatusIsGiven_ShouldFilterByIt(string? status, string[] expected)
    {
        await SeedAsync(CallerId, "Open");
        await SeedAsync(CallerId, "Done", isDone: true);

        var page = await SendAsync(new ListTodoItemsQuery(Status: status));

        page.Items.Select(t => t.Title).Should().BeEquivalentTo(expected);
        page.TotalCount.Should().Be(expected.Length);
    }

    [Fact]
    public async Task Handle_WhenSearching_ShouldMatchTitleOrDescriptionIgnoringCase()
    {
        await SeedAsync(CallerId, "Buy MILK");
        await SeedAsync(CallerId, "Groceries", "oat milk and bread");
        await SeedAsync(CallerId, "Walk the dog", "not that one");

        var page = await SendAsync(new ListTodoItemsQuery(Search: "  Milk "));

        page.Items.Select(t => t.Title).Should().BeEquivalentTo("Buy MILK", "Groceries");
        page.TotalCount.Should().Be(2);
    }

    [Fact]
    public async Task Handle_WhenSearchingWithLikeWildcards_ShouldMatchThemLiterally()
    {
        await SeedAsync(CallerId, "100% done");
        await SeedAsync(CallerId, "Anything else");

        var page = await SendAsync(new ListTodoItemsQuery(Search: "%"));

        page.Items.Select(t => t.Title).Should().Equal("100% done");
    }

    [Fact]
    public async Task Handle_WhenSearchAndStatusAreCombined_ShouldApplyBoth()
    {
        await SeedAsync(CallerId, "Buy milk");
        await SeedAsync(CallerId, "Buy bread", isDone: true);
        await SeedAsync(CallerId, "Walk the dog", isDone: true);

        var page = await SendAsync(new ListTodoItemsQuery(Status: "done", Search: "buy"));

        page.Items.Select(t => t.Title).Should().Equal("Buy bread");
    }

    [Fact]
    public async Task Handle_WhenAskingForALaterPage_ShouldSkipTheEarlierOnes()
    {
        for (var i = 1; i <= 5; i++)
        {
            await SeedAsync(CallerId, $"Todo {i}");
        }

        var page = await SendAsync(new ListTodoItemsQuery(Page: 2, PageSize: 2, Sort: "created"));

        page.Items.Select(t => t.Title).Should().Equal("Todo 3", "Todo 4");
        page.Page.Should().Be(2);
        page.PageSize.Should().Be(2);
        page.TotalCount.Should().Be(5);
        page.TotalPages.Should().Be(3);
    }

    [Fact]
    public async Task Handle_WhenPageIsPastTheEnd_ShouldReturnNoItemsButTheTotal()
    {
        await SeedAsync(CallerId, "Only one");

        var page = await SendAsync(new ListTodoItemsQuery(Page: 3, PageSize: 10));

        page.Items.Should().BeEmpty();
        page.TotalCount.Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenPageSizeIsTheMaximum_ShouldReturnThatMany()
    {
        for (var i = 1; i <= ListTodoItemsQuery.MaxPageSize + 1; i++)
        {
            await SeedAsync(CallerId, $"Todo {i}");
        }

        var page = await SendAsync(new ListTodoItemsQuery(PageSize: ListTodoItemsQuery.MaxPageSize));

        page.Items.Should().HaveCount(100);
        page.TotalPages.Should().Be(2);
    }

    [Fact]
    public async Task Handle_WhenSortedByCreated_ShouldListOldestFirst()
    {
        await SeedAsync(CallerId, "First");
        await SeedAsync(CallerId, "Second");
        await SeedAsync(CallerId, "Third");

        var page = await SendAsync(new ListTodoItemsQuery(Sort: "created"));

        page.Items.Select(t => t.Title).Should().Equal("First", "Second", "Third");
    }

    [Fact]
    public async Task Handle_WhenSortedByMinusCreated_ShouldListNewestFirst()
    {
        await SeedAsync(CallerId, "First");
        await SeedAsync(CallerId, "Second");
        await SeedAsync(CallerId, "Third");

        var page = await SendAsync(new ListTodoItemsQuery(Sort: "-created"));

        page.Items.Select(t => t.Title).Should().Equal("Third", "Second", "First");
    }

    [Fact]
    public async Task Handle_WhenSortedByDue_ShouldListSoonestFirstAndUndatedLast()
    {
        await SeedAsync(CallerId, "No date");
        await SeedAsync(CallerId, "Later", dueAt: Due.AddDays(3));
        await SeedAsync(CallerId, "Sooner", dueAt: Due);

        var page = await SendAsync(new ListTodoItemsQuery(Sort: "due"));

        page.Items.Select(t => t.Title).Should().Equal("Sooner", "Later", "No date");
    }

    [Fact]
    public async Task Handle_WhenSortedByTitle_ShouldListAlphabetically()
    {
        await SeedAsync(CallerId, "Cherry");
        await SeedAsync(CallerId, "Apple");
        await SeedAsync(CallerId, "Banana");

        var page = await SendAsync(new ListTodoItemsQuery(Sort: "title"));

        page.Items.Select(t => t.Title).Should().Equal("Apple", "Banana", "Cherry");
    }

    [Fact]
    public async Task Handle_WhenTheRequestIsInvalid_ShouldFailValidationOnEveryBadField()
    {
        var act = () => SendAsync(new ListTodoItemsQuery(Status: "archived", Sort: "priority", PageSize: 0));

        (await act.Should().ThrowAsync<ValidationException>())
            .Which.Errors.Keys.Should().BeEquivalentTo("status", "sort", "pageSize");
    }

    /// <summary>Seeds a todo and moves the clock on, so every todo has its own creation time.</summary>
    private async Task SeedAsync(string ownerId, string title, string? description = null, DateTime? dueAt = null, bool isDone = false)
    {
        await SeedTodoAsync(ownerId, title, description, dueAt, isDone, TodoPriority.Normal);
        Clock.Advance(TimeSpan.FromSeconds(1));
    }
}
