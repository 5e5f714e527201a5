using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TodoClean.Domain.TodoItems;
using TodoClean.Domain.Users;

namespace TodoClean.Infrastructure.Persistence.Todos.Configurations;

internal sealed class TodoItemConfiguration : IEntityTypeConfiguration<TodoItem>
{
    public void Configure(EntityTypeBuilder<TodoItem> builder)
    {
        builder.ToTable("todo_items");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OwnerId).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Title).HasMaxLength(TodoItem.MaxTitleLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(TodoItem.MaxDescriptionLength);
        builder.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.SearchKey).HasMaxLength(TodoItem.MaxTitleLength + 1 + TodoItem.MaxDescriptionLength).IsRequired();
        // The version is checked on every UPDATE: a concurrent writer makes SaveChanges fail instead of overwriting.
        builder.Property(t => t.Version).IsConcurrencyToken();
        // The default page (newest first, then by id) reads straight off this index: no sort step per request.
        builder.HasIndex(t => new { t.OwnerId, t.CreatedAt, t.Id });
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
