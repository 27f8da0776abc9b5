using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TimelinessFromLegColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legs_TenantId_ReferralMadeAt_Agency_Status_AcknowledgedAt_D~",
                table: "legs");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "legs",
                type: "date",
                nullable: true,
                computedColumnSql: "CAST((\"DecidedAt\" AT TIME ZONE 'Europe/London') AS DATE)",
                stored: true);

            migrationBuilder.AddColumn<double>(
                name: "HoursToAcknowledge",
                table: "legs",
                type: "double precision",
                nullable: true,
                computedColumnSql: "(CASE WHEN \"AcknowledgedAt\" < \"ReferralMadeAt\" THEN 0.0 ELSE CAST(EXTRACT(EPOCH FROM (\"AcknowledgedAt\" - \"ReferralMadeAt\")) * 10000000 AS DOUBLE PRECISION) / 36000000000.0 END)",
                stored: true);

            migrationBuilder.AddColumn<double>(
                name: "HoursToDecide",
                table: "legs",
                type: "double precision",
                nullable: true,
                computedColumnSql: "(CASE WHEN \"DecidedAt\" < \"ReferralMadeAt\" THEN 0.0 ELSE CAST(EXTRACT(EPOCH FROM (\"DecidedAt\" - \"ReferralMadeAt\")) * 10000000 AS DOUBLE PRECISION) / 36000000000.0 END)",
                stored: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReferralMadeOn",
                table: "legs",
                type: "date",
                nullable: false,
                computedColumnSql: "CAST((\"ReferralMadeAt\" AT TIME ZONE 'Europe/London') AS DATE)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_legs_TenantId_Agency_ReferralMadeAt",
                table: "legs",
                columns: new[] { "TenantId", "Agency", "ReferralMadeAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Status", "HoursToAcknowledge", "HoursToDecide", "ReferralMadeOn", "DecidedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legs_TenantId_Agency_ReferralMadeAt",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "HoursToAcknowledge",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "HoursToDecide",
                table: "legs");

            migrationBuilder.DropColumn(
                name: "ReferralMadeOn",
                table: "legs");

            migrationBuilder.CreateIndex(
                name: "IX_legs_TenantId_ReferralMadeAt_Agency_Status_AcknowledgedAt_D~",
                table: "legs",
                columns: new[] { "TenantId", "ReferralMadeAt", "Agency", "Status", "AcknowledgedAt", "DecidedAt" });
        }
    }
}
