using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TodoClean.Infrastructure.Persistence.Auth.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublicJwk = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
