using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TodoClean.Infrastructure.Persistence.Auth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JwtSigningKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jwt_signing_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PublicJwk = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jwt_signing_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_jwt_signing_keys_Algorithm_CreatedAt",
                table: "jwt_signing_keys",
                columns: new[] { "Algorithm", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jwt_signing_keys");
        }
    }
}
