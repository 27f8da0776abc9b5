using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanStatusForScorecard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accommodation_Code",
                table: "pathway_plan_versions",
                type: "TEXT",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Accommodation_Suitable",
                table: "pathway_plan_versions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Activity_Code",
                table: "pathway_plan_versions",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrustedAdults",
                table: "pathway_plan_versions",
                type: "TEXT",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Accommodation_Code",
                table: "pathway_plan_versions");

            migrationBuilder.DropColumn(
                name: "Accommodation_Suitable",
                table: "pathway_plan_versions");

            migrationBuilder.DropColumn(
                name: "Activity_Code",
                table: "pathway_plan_versions");

            migrationBuilder.DropColumn(
                name: "TrustedAdults",
                table: "pathway_plan_versions");
        }
    }
}
