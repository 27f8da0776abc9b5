using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OrganisationIsolation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_idempotent_requests",
                table: "idempotent_requests");

            migrationBuilder.AddColumn<string>(
                name: "Organisation",
                table: "idempotent_requests",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Organisation",
                table: "audit_entries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientCode",
                table: "legs",
                type: "text",
                nullable: true,
                computedColumnSql: "(\"Recipient\"::jsonb ->> 'code')",
                stored: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_idempotent_requests",
                table: "idempotent_requests",
                columns: new[] { "TenantId", "Agency", "Organisation", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_Agency_RecipientCode",
                table: "legs",
                columns: new[] { "Agency", "RecipientCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legs_Agency_RecipientCode",
                table: "legs");

            migrationBuilder.DropPrimaryKey(
                name: "PK_idempotent_requests",
                table: "idempotent_requests");

            migrationBuilder.DropColumn(
                name: "RecipientCode",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "Organisation",
                table: "idempotent_requests");

            migrationBuilder.DropColumn(
                name: "Organisation",
                table: "audit_entries");

            migrationBuilder.AddPrimaryKey(
                name: "PK_idempotent_requests",
                table: "idempotent_requests",
                columns: new[] { "TenantId", "Agency", "RequestId" });
        }
    }
}
