using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legs_ReferralId",
                table: "legs");

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingDaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDaysThrough = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Date);
                });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_entries_ToStatus_At_ReferralId_LegId",
                table: "timeline_entries",
                columns: new[] { "ToStatus", "At", "ReferralId", "LegId" },
                filter: "\"Kind\" = 'status-changed'");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_TenantId_CreatedAt_Id",
                table: "referrals",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs",
                columns: new[] { "ReferralId", "Agency", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_legs_Status_UpdatedAt_Agency_ReasonCode_ReferralId",
                table: "legs",
                columns: new[] { "Status", "UpdatedAt", "Agency", "ReasonCode", "ReferralId" });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_TenantId_RaisedAt",
                table: "escalations",
                columns: new[] { "TenantId", "RaisedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropIndex(
                name: "IX_timeline_entries_ToStatus_At_ReferralId_LegId",
                table: "timeline_entries");

            migrationBuilder.DropIndex(
                name: "IX_referrals_TenantId_CreatedAt_Id",
                table: "referrals");

            migrationBuilder.DropIndex(
                name: "IX_legs_ReferralId_Agency_Status_Id",
                table: "legs");

            migrationBuilder.DropIndex(
                name: "IX_legs_Status_UpdatedAt_Agency_ReasonCode_ReferralId",
                table: "legs");

            migrationBuilder.DropIndex(
                name: "IX_escalations_TenantId_RaisedAt",
                table: "escalations");

            migrationBuilder.CreateIndex(
                name: "IX_legs_ReferralId",
                table: "legs",
                column: "ReferralId");
        }
    }
}
