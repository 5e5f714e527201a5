using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TodoClean.Infrastructure.Persistence.Todos.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexIncludesId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_todo_items_OwnerId_CreatedAt",
                table: "todo_items");

            migrationBuilder.CreateIndex(
                name: "IX_todo_items_OwnerId_CreatedAt_Id",
                table: "todo_items",
                columns: new[] { "OwnerId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_todo_items_OwnerId_CreatedAt_Id",
                table: "todo_items");

            migrationBuilder.CreateIndex(
                name: "IX_todo_items_OwnerId_CreatedAt",
                table: "todo_items",
                columns: new[] { "OwnerId", "CreatedAt" });
        }
    }
}
