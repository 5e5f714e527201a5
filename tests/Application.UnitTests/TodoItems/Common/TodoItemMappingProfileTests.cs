using AutoMapper;
using Microsoft.Extensions.DependencyInjection;
using TodoClean.Application.TodoItems.Common;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.UnitTests.TodoItems.Common;

public sealed class TodoItemMappingProfileTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Configuration_WhenBuiltFromTheProfile_ShouldBeValid()
    {
        var configuration = new MapperConfiguration(cfg => cfg.AddProfile<TodoItemMappingProfile>());

        configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void Configuration_WhenRegisteredByAddApplication_ShouldBeValid()
    {
        using var provider = new ServiceCollection().AddLogging().AddApplication().BuildServiceProvider();

        provider.GetRequiredService<IMapper>().ConfigurationProvider.AssertConfigurationIsValid();
    }

    [Fact]
    public void Map_WhenGivenATodo_ShouldCopyEveryFieldAndRenderTheVersionAsText()
    {
        var mapper = new MapperConfiguration(cfg => cfg.AddProfile<TodoItemMappingProfile>())
            .CreateMapper();
        var due = Now.AddDays(3);
        var item = TodoItem.Create("user-1", "Buy milk", "2 litres", due, TodoPriority.High, Now);
        item.Update("Buy milk", "2 litres", isDone: true, due, TodoPriority.High, Now.AddHours(1));

        var dto = mapper.Map<TodoItemDto>(item);

        dto.Should().Be(new TodoItemDto(
            item.Id, "Buy milk", "2 litres", true, TodoPriority.High, due, Now, Now.AddHours(1), Now.AddHours(1), "2"));
    }
}
