using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "board_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    YoungPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueEscalationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OnAgendaFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_papers",
                columns: table => new
                {
                    EscalationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    YoungPersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FavouredResolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolutionProposedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ResolutionProposedByRole = table.Column<string>(type: "TEXT", nullable: true),
                    ResolutionProposedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WordsAgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WordsAgreementEvidence = table.Column<string>(type: "TEXT", nullable: true),
                    WordsRecordedById = table.Column<string>(type: "TEXT", nullable: true),
                    WordsRecordedBy = table.Column<string>(type: "TEXT", nullable: true),
                    WordsRecordedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_papers", x => x.EscalationId);
                });

            migrationBuilder.CreateTable(
                name: "board_decision_progress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", nullable: false),
                    ByRole = table.Column<string>(type: "TEXT", nullable: false),
                    ByOrganisation = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_decision_progress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_board_decision_progress_board_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "board_decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_board_decision_progress_DecisionId",
                table: "board_decision_progress",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_board_decisions_EscalationId",
                table: "board_decisions",
                column: "EscalationId");

            migrationBuilder.CreateIndex(
                name: "IX_board_decisions_TenantId_Organisation",
                table: "board_decisions",
                columns: new[] { "TenantId", "Organisation" });

            migrationBuilder.CreateIndex(
                name: "IX_board_decisions_TenantId_Status_DueOn",
                table: "board_decisions",
                columns: new[] { "TenantId", "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "board_decision_progress");

            migrationBuilder.DropTable(
                name: "case_papers");

            migrationBuilder.DropTable(
                name: "board_decisions");
        }
    }
}
