using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BoardAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_timeline_entries_ToStatus_At_ReferralId_LegId",
                table: "timeline_entries");

            migrationBuilder.DropIndex(
                name: "IX_legs_Status_UpdatedAt_Agency_ReasonCode_ReferralId",
                table: "legs");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcknowledgedAt",
                table: "legs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "legs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReferralMadeAt",
                table: "legs",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "TenantId",
                table: "legs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_young_people_TenantId_DateOfBirth",
                table: "young_people",
                columns: new[] { "TenantId", "DateOfBirth" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_TenantId_DecidedAt",
                table: "legs",
                columns: new[] { "TenantId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_TenantId_ReferralMadeAt_Agency_Status_AcknowledgedAt_D~",
                table: "legs",
                columns: new[] { "TenantId", "ReferralMadeAt", "Agency", "Status", "AcknowledgedAt", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_TenantId_Status_UpdatedAt_Agency_ReasonCode",
                table: "legs",
                columns: new[] { "TenantId", "Status", "UpdatedAt", "Agency", "ReasonCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_young_people_TenantId_DateOfBirth",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "IX_legs_TenantId_DecidedAt",
                table: "legs");

            migrationBuilder.DropIndex(
                name: "IX_legs_TenantId_ReferralMadeAt_Agency_Status_AcknowledgedAt_D~",
                table: "legs");

            migrationBuilder.DropIndex(
                name: "IX_legs_TenantId_Status_UpdatedAt_Agency_ReasonCode",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "ReferralMadeAt",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "TenantId",
                table: "legs");

            migrationBuilder.CreateIndex(
                name: "IX_timeline_entries_ToStatus_At_ReferralId_LegId",
                table: "timeline_entries",
                columns: new[] { "ToStatus", "At", "ReferralId", "LegId" },
                filter: "\"Kind\" = 'status-changed'");

            migrationBuilder.CreateIndex(
                name: "IX_legs_Status_UpdatedAt_Agency_ReasonCode_ReferralId",
                table: "legs",
                columns: new[] { "Status", "UpdatedAt", "Agency", "ReasonCode", "ReferralId" });
        }
    }
}
