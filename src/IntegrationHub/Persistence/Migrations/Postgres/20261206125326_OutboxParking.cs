using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParkedAt",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_ParkedAt",
                table: "outbox_messages",
                column: "ParkedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_ParkedAt",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "ParkedAt",
                table: "outbox_messages");
        }
    }
}
