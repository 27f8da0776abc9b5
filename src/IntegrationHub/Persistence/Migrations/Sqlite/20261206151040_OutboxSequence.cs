using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SequenceKey",
                table: "outbox_messages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SequenceKey_CreatedAt",
                table: "outbox_messages",
                columns: new[] { "SequenceKey", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_messages_SequenceKey_CreatedAt",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "SequenceKey",
                table: "outbox_messages");
        }
    }
}
