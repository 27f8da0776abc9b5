using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UpcomingBirthdaysFromIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_young_people_TenantId_DateOfBirth",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "IX_referrals_TenantId_YoungPersonId",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs");

            migrationBuilder.AddColumn<string>(
                name: "RecipientService",
                table: "legs",
                type: "text",
                nullable: true,
                computedColumnSql: "(\"Recipient\"::jsonb ->> 'service')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_young_people_TenantId_DateOfBirth",
                table: "young_people",
                columns: new[] { "TenantId", "DateOfBirth" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_TenantId_YoungPersonId",
                table: "referrals",
                columns: new[] { "TenantId", "YoungPersonId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs",
                columns: new[] { "ReferralId", "Agency", "Status", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "RecipientService", "TenantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_young_people_TenantId_DateOfBirth",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "IX_referrals_TenantId_YoungPersonId",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "RecipientService",
                table: "legs");

            migrationBuilder.CreateIndex(
                name: "IX_young_people_TenantId_DateOfBirth",
                table: "young_people",
                columns: new[] { "TenantId", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_TenantId_YoungPersonId",
                table: "referrals",
                columns: new[] { "TenantId", "YoungPersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs",
                columns: new[] { "ReferralId", "Agency", "Status", "Id" });
        }
    }
}
