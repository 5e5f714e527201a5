using TodoClean.Domain.Exceptions;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Domain.UnitTests.TodoItems;

public sealed class TodoItemTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Due = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_WhenValid_ShouldStartOpenAtVersionOne()
    {
        var item = TodoItem.Create("user-1", "Buy milk", "2 litres", Due, TodoPriority.High, Now);

        item.OwnerId.Should().Be("user-1");
        item.Title.Should().Be("Buy milk");
        item.Description.Should().Be("2 litres");
        item.DueAt.Should().Be(Due);
        item.Priority.Should().Be(TodoPriority.High);
        item.IsDone.Should().BeFalse();
        item.CompletedAt.Should().BeNull();
        item.CreatedAt.Should().Be(Now);
        item.UpdatedAt.Should().Be(Now);
        item.Version.Should().Be(1);
    }

    [Fact]
    public void Create_WhenCalledLater_ShouldGetALaterSortingId()
    {
        var first = TodoItem.Create("user-1", "First", null, null, TodoPriority.Normal, Now);
        var second = TodoItem.Create("user-1", "Second", null, null, TodoPriority.Normal, Now.AddMilliseconds(5));

        first.Id.Should().NotBe(Guid.Empty);
        second.Id.CompareTo(first.Id).Should().BePositive("ids are time-ordered, so lists sorted by id stay in creation order");
    }

    [Fact]
    public void Create_WhenTitleHasSurroundingSpaces_ShouldTrimIt()
    {
        var item = TodoItem.Create("user-1", "  Buy milk \t", null, null, TodoPriority.Normal, Now);

        item.Title.Should().Be("Buy milk");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Create_WhenTitleIsBlank_ShouldThrowForTitleField(string? title)
    {
        var act = () => TodoItem.Create("user-1", title!, null, null, TodoPriority.Normal, Now);

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "title")
            .WithMessage("Title must not be empty.");
    }

    [Fact]
    public void Create_WhenTitleIsExactlyTheLimitAfterTrimming_ShouldAcceptIt()
    {
        var title = "  " + new string('t', TodoItem.MaxTitleLength) + "  ";

        var item = TodoItem.Create("user-1", title, null, null, TodoPriority.Normal, Now);

        item.Title.Should().HaveLength(TodoItem.MaxTitleLength);
    }

    [Fact]
    public void Create_WhenTitleIsLongerThanTheLimit_ShouldThrowForTitleField()
    {
        var act = () => TodoItem.Create(
            "user-1", new string('t', TodoItem.MaxTitleLength + 1), null, null, TodoPriority.Normal, Now);

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "title")
            .WithMessage($"Title must be at most {TodoItem.MaxTitleLength} characters.");
    }

    [Fact]
    public void Create_WhenDescriptionIsExactlyTheLimit_ShouldAcceptIt()
    {
        var description = new string('d', TodoItem.MaxDescriptionLength);

        var item = TodoItem.Create("user-1", "Title", description, null, TodoPriority.Normal, Now);

        item.Description.Should().Be(description);
    }

    [Fact]
    public void Create_WhenDescriptionIsLongerThanTheLimit_ShouldThrowForDescriptionField()
    {
        var act = () => TodoItem.Create(
            "user-1", "Title", new string('d', TodoItem.MaxDescriptionLength + 1), null, TodoPriority.Normal, Now);

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "description")
            .WithMessage($"Description must be at most {TodoItem.MaxDescriptionLength} characters.");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Create_WhenOwnerIsBlank_ShouldThrow(string ownerId)
    {
        var act = () => TodoItem.Create(ownerId, "Title", null, null, TodoPriority.Normal, Now);

        act.Should().Throw<ArgumentException>().WithParameterName("ownerId");
    }

    [Fact]
    public void Create_WhenTimeIsNotUtc_ShouldThrow()
    {
        var act = () => TodoItem.Create(
            "user-1", "Title", null, null, TodoPriority.Normal, DateTime.SpecifyKind(Now, DateTimeKind.Unspecified));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Update_WhenValid_ShouldReplaceFieldsBumpVersionAndStampUpdatedAt()
    {
        var item = TodoItem.Create("user-1", "Buy milk", "2 litres", Due, TodoPriority.High, Now);
        var later = Now.AddMinutes(5);

        item.Update(" Buy oat milk ", null, isDone: false, dueAt: null, TodoPriority.Low, later);

        item.Title.Should().Be("Buy oat milk");
        item.Description.Should().BeNull();
        item.DueAt.Should().BeNull();
        item.Priority.Should().Be(TodoPriority.Low);
        item.UpdatedAt.Should().Be(later);
        item.CreatedAt.Should().Be(Now);
        item.Version.Should().Be(2);
    }

    [Fact]
    public void Update_WhenCalledRepeatedly_ShouldGrowTheVersionByOneEachTime()
    {
        var item = TodoItem.Create("user-1", "Title", null, null, TodoPriority.Normal, Now);

        item.Update("Title", null, false, null, TodoPriority.Normal, Now.AddMinutes(1));
        item.Update("Title", null, false, null, TodoPriority.Normal, Now.AddMinutes(2));
        item.Update("Title", null, false, null, TodoPriority.Normal, Now.AddMinutes(3));

        item.Version.Should().Be(4);
    }

    [Fact]
    public void Update_WhenMarkedDone_ShouldStampCompletedAt()
    {
        var item = TodoItem.Create("user-1", "Title", null, null, TodoPriority.Normal, Now);
        var doneAt = Now.AddHours(2);

        item.Update("Title", null, isDone: true, null, TodoPriority.Normal, doneAt);

        item.IsDone.Should().BeTrue();
        item.CompletedAt.Should().Be(doneAt);
    }

    [Fact]
    public void Update_WhenAlreadyDoneAndStillDone_ShouldKeepTheOriginalCompletedAt()
    {
        var item = TodoItem.Create("user-1", "Title", null, null, TodoPriority.Normal, Now);
        var doneAt = Now.AddHours(2);
        item.Update("Title", null, isDone: true, null, TodoPriority.Normal, doneAt);

        item.Update("Renamed", null, isDone: true, null, TodoPriority.Normal, doneAt.AddHours(1));

        item.CompletedAt.Should().Be(doneAt);
    }

    [Fact]
    public void Update_WhenReopened_ShouldClearCompletedAt()
    {
        var item = TodoItem.Create("user-1", "Title", null, null, TodoPriority.Normal, Now);
        item.Update("Title", null, isDone: true, null, TodoPriority.Normal, Now.AddHours(1));

        item.Update("Title", null, isDone: false, null, TodoPriority.Normal, Now.AddHours(2));

        item.IsDone.Should().BeFalse();
        item.CompletedAt.Should().BeNull();
    }

    [Fact]
    public void Update_WhenTitleIsBlank_ShouldThrowForTitleFieldAndKeepTheVersion()
    {
        var item = TodoItem.Create("user-1", "Title", null, null, TodoPriority.Normal, Now);

        var act = () => item.Update("  ", null, false, null, TodoPriority.Normal, Now.AddMinutes(1));

        act.Should().Throw<DomainException>().Where(e => e.Field == "title");
        item.Title.Should().Be("Title");
        item.Version.Should().Be(1);
    }

    [Fact]
    public void Update_WhenDescriptionIsTooLong_ShouldThrowForDescriptionField()
    {
        var item = TodoItem.Create("user-1", "Title", null, null, TodoPriority.Normal, Now);

        var act = () => item.Update(
            "Title", new string('d', TodoItem.MaxDescriptionLength + 1), false, null, TodoPriority.Normal, Now.AddMinutes(1));

        act.Should().Throw<DomainException>().Where(e => e.Field == "description");
        item.Version.Should().Be(1);
    }
}
