using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LegsKeepTheirYoungPersonsBirthDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs");

            migrationBuilder.AddColumn<DateOnly>(
                name: "YoungPersonBornOn",
                table: "legs",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "YoungPersonId",
                table: "legs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // The legs already held take their referral's young person's.
            migrationBuilder.Sql(
                """
                UPDATE legs AS l SET "YoungPersonId" = y."Id", "YoungPersonBornOn" = y."DateOfBirth"
                FROM referrals AS r JOIN young_people AS y ON y."Id" = r."YoungPersonId"
                WHERE r."Id" = l."ReferralId"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_legs_ReferralId",
                table: "legs",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_legs_YoungPersonBornOn_TenantId",
                table: "legs",
                columns: new[] { "YoungPersonBornOn", "TenantId" })
                .Annotation("Npgsql:IndexInclude", new[] { "Agency", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legs_ReferralId",
                table: "legs");

            migrationBuilder.DropIndex(
                name: "IX_legs_YoungPersonBornOn_TenantId",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "YoungPersonBornOn",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "YoungPersonId",
                table: "legs");

            migrationBuilder.CreateIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs",
                columns: new[] { "ReferralId", "Agency", "Status", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "RecipientService", "TenantId" });
        }
    }
}
