using AutoMapper;
using TodoClean.Domain.TodoItems;

namespace TodoClean.Application.TodoItems.Common;

/// <summary>Flat read model only (see the AutoMapper advisory note in Directory.Packages.props).</summary>
internal sealed class TodoItemMappingProfile : Profile
{
    public TodoItemMappingProfile()
    {
        CreateMap<TodoItem, TodoItemDto>()
            .ForCtorParam(nameof(TodoItemDto.Version), o => o.MapFrom(s => s.Version.ToString()))
            .MaxDepth(1);
    }
}
