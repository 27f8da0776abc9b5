using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxParking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ParkedAt",
                table: "outbox_messages",
                type: "INTEGER",
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
