using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TodoClean.Infrastructure.Persistence.Todos.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TodoSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchKey",
                table: "todo_items",
                type: "TEXT",
                maxLength: 2201,
                nullable: false,
                defaultValue: "");

            // Rows written before this column existed: folded by the store's lower(), which folds ASCII letters only; the
            // next edit of such a todo stores the full Unicode folding the application computes.
            migrationBuilder.Sql("""UPDATE todo_items SET "SearchKey" = lower("Title") || char(10) || lower(coalesce("Description", ''));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchKey",
                table: "todo_items");
        }
    }
}
