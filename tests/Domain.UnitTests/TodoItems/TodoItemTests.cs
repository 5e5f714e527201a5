using TodoClean.Domain.Exceptions;
using TodoClean.Domain.TodoItems;
using TodoClean.TestCommon;

namespace TodoClean.Domain.UnitTests.TodoItems;

public sealed class TodoItemTests
{
    private static readonly DateTime Now = Entities.Now;
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
        var first = Entities.TodoItem(now: Now);
        var second = Entities.TodoItem(now: Now.AddMilliseconds(5));

        first.Id.Should().NotBe(Guid.Empty);
        second.Id.CompareTo(first.Id).Should().BePositive("ids are time-ordered, so lists sorted by id stay in creation order");
    }

    [Fact]
    public void Create_WhenTitleHasSurroundingSpaces_ShouldTrimIt()
    {
        var item = Entities.TodoItem(title: "  Buy milk \t");

        item.Title.Should().Be("Buy milk");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Create_WhenTitleIsBlank_ShouldThrowForTitleField(string? title)
    {
        var act = () => Entities.TodoItem(title: title!);

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "title")
            .WithMessage("Title must not be empty.");
    }

    [Fact]
    public void Create_WhenTitleIsExactlyTheLimitAfterTrimming_ShouldAcceptIt()
    {
        var title = "  " + new string('t', TodoItem.MaxTitleLength) + "  ";

        var item = Entities.TodoItem(title: title);

        item.Title.Should().HaveLength(TodoItem.MaxTitleLength);
    }

    [Fact]
    public void Create_WhenTitleIsLongerThanTheLimit_ShouldThrowForTitleField()
    {
        var act = () => Entities.TodoItem(title: new string('t', TodoItem.MaxTitleLength + 1));

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "title")
            .WithMessage($"Title must be at most {TodoItem.MaxTitleLength} characters.");
    }

    [Fact]
    public void Create_WhenDescriptionIsExactlyTheLimit_ShouldAcceptIt()
    {
        var description = new string('d', TodoItem.MaxDescriptionLength);

        var item = Entities.TodoItem(description: description);

        item.Description.Should().Be(description);
    }

    [Fact]
    public void Create_WhenDescriptionIsLongerThanTheLimit_ShouldThrowForDescriptionField()
    {
        var act = () => Entities.TodoItem(description: new string('d', TodoItem.MaxDescriptionLength + 1));

        act.Should().Throw<DomainException>()
            .Where(e => e.Field == "description")
            .WithMessage($"Description must be at most {TodoItem.MaxDescriptionLength} characters.");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Create_WhenOwnerIsBlank_ShouldThrow(string ownerId)
    {
        var act = () => Entities.TodoItem(ownerId: ownerId);

        act.Should().Throw<ArgumentException>().WithParameterName("ownerId");
    }

    [Fact]
    public void Create_WhenTimeIsNotUtc_ShouldThrow()
    {
        var act = () => Entities.TodoItem(now: DateTime.SpecifyKind(Now, DateTimeKind.Unspecified));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Update_WhenValid_ShouldReplaceFieldsBumpVersionAndStampUpdatedAt()
    {
        var item = TodoItem.Create("user-1", "Buy milk", "2 litres", Due, TodoPriority.High, Now);
        var later = Now.AddMinutes(5);

        item.Update(" Buy oat milk ", description: null, isDone: false, dueAt: null, TodoPriority.Low, later);

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
        var item = Entities.TodoItem();

        item.UpdateWith(Now.AddMinutes(1));
        item.UpdateWith(Now.AddMinutes(2));
        item.UpdateWith(Now.AddMinutes(3));

        item.Version.Should().Be(4);
    }

    [Fact]
    public void Update_WhenMarkedDone_ShouldStampCompletedAt()
    {
        var item = Entities.TodoItem();
        var doneAt = Now.AddHours(2);

        item.UpdateWith(doneAt, isDone: true);

        item.IsDone.Should().BeTrue();
        item.CompletedAt.Should().Be(doneAt);
    }

    [Fact]
    public void Update_WhenAlreadyDoneAndStillDone_ShouldKeepTheOriginalCompletedAt()
    {
        var item = Entities.TodoItem();
        var doneAt = Now.AddHours(2);
        item.UpdateWith(doneAt, isDone: true);

        item.UpdateWith(doneAt.AddHours(1), title: "Renamed", isDone: true);

        item.CompletedAt.Should().Be(doneAt);
    }

    [Fact]
    public void Update_WhenReopened_ShouldClearCompletedAt()
    {
        var item = Entities.TodoItem();
        item.UpdateWith(Now.AddHours(1), isDone: true);

        item.UpdateWith(Now.AddHours(2), isDone: false);

        item.IsDone.Should().BeFalse();
        item.CompletedAt.Should().BeNull();
    }

    [Fact]
    public void Update_WhenTitleIsBlank_ShouldThrowForTitleFieldAndKeepTheVersion()
    {
        var item = Entities.TodoItem(title: "Title");

        var act = () => item.UpdateWith(Now.AddMinutes(1), title: "  ");

        act.Should().Throw<DomainException>().Where(e => e.Field == "title");
        item.Title.Should().Be("Title");
        item.Version.Should().Be(1);
    }

    [Fact]
    public void Update_WhenDescriptionIsTooLong_ShouldThrowForDescriptionField()
    {
        var item = Entities.TodoItem();

        var act = () => item.UpdateWith(Now.AddMinutes(1), description: new string('d', TodoItem.MaxDescriptionLength + 1));

        act.Should().Throw<DomainException>().Where(e => e.Field == "description");
        item.Version.Should().Be(1);
    }
}
