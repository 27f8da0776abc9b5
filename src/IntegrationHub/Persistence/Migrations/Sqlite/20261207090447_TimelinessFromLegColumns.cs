using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimelinessFromLegColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legs_TenantId_ReferralMadeAt_Agency_Status_AcknowledgedAt_DecidedAt",
                table: "legs");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "legs",
                type: "TEXT",
                nullable: true,
                computedColumnSql: "date(((\"DecidedAt\" >> 11) / 10000 - 62135596800) + CASE WHEN datetime(((\"DecidedAt\" >> 11) / 10000 - 62135596800), 'unixepoch') >= date(strftime('%Y', ((\"DecidedAt\" >> 11) / 10000 - 62135596800), 'unixepoch') || '-03-25', 'weekday 0') || ' 01:00:00' AND datetime(((\"DecidedAt\" >> 11) / 10000 - 62135596800), 'unixepoch') < date(strftime('%Y', ((\"DecidedAt\" >> 11) / 10000 - 62135596800), 'unixepoch') || '-10-25', 'weekday 0') || ' 01:00:00' THEN 3600 ELSE 0 END, 'unixepoch')",
                stored: false);

            migrationBuilder.AddColumn<double>(
                name: "HoursToAcknowledge",
                table: "legs",
                type: "REAL",
                nullable: true,
                computedColumnSql: "(CASE WHEN \"AcknowledgedAt\" < \"ReferralMadeAt\" THEN 0.0 ELSE CAST(((\"AcknowledgedAt\" >> 11) - (\"ReferralMadeAt\" >> 11)) * 1000 AS DOUBLE PRECISION) / 36000000000.0 END)",
                stored: false);

            migrationBuilder.AddColumn<double>(
                name: "HoursToDecide",
                table: "legs",
                type: "REAL",
                nullable: true,
                computedColumnSql: "(CASE WHEN \"DecidedAt\" < \"ReferralMadeAt\" THEN 0.0 ELSE CAST(((\"DecidedAt\" >> 11) - (\"ReferralMadeAt\" >> 11)) * 1000 AS DOUBLE PRECISION) / 36000000000.0 END)",
                stored: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReferralMadeOn",
                table: "legs",
                type: "TEXT",
                nullable: false,
                computedColumnSql: "date(((\"ReferralMadeAt\" >> 11) / 10000 - 62135596800) + CASE WHEN datetime(((\"ReferralMadeAt\" >> 11) / 10000 - 62135596800), 'unixepoch') >= date(strftime('%Y', ((\"ReferralMadeAt\" >> 11) / 10000 - 62135596800), 'unixepoch') || '-03-25', 'weekday 0') || ' 01:00:00' AND datetime(((\"ReferralMadeAt\" >> 11) / 10000 - 62135596800), 'unixepoch') < date(strftime('%Y', ((\"ReferralMadeAt\" >> 11) / 10000 - 62135596800), 'unixepoch') || '-10-25', 'weekday 0') || ' 01:00:00' THEN 3600 ELSE 0 END, 'unixepoch')",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_legs_TenantId_Agency_ReferralMadeAt",
                table: "legs",
                columns: new[] { "TenantId", "Agency", "ReferralMadeAt" });
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
                name: "IX_legs_TenantId_ReferralMadeAt_Agency_Status_AcknowledgedAt_DecidedAt",
                table: "legs",
                columns: new[] { "TenantId", "ReferralMadeAt", "Agency", "Status", "AcknowledgedAt", "DecidedAt" });
        }
    }
}
