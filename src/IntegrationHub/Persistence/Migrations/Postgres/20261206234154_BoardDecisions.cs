using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IntegrationHub.Persistence.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    YoungPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Theme = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Agency = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<string>(type: "text", nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OverdueEscalationId = table.Column<Guid>(type: "uuid", nullable: true),
                    OnAgendaFor = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_papers",
                columns: table => new
                {
                    EscalationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    YoungPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    FavouredResolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResolutionProposedBy = table.Column<string>(type: "text", nullable: true),
                    ResolutionProposedByRole = table.Column<string>(type: "text", nullable: true),
                    ResolutionProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Words = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WordsAgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WordsAgreementEvidence = table.Column<string>(type: "text", nullable: true),
                    WordsRecordedById = table.Column<string>(type: "text", nullable: true),
                    WordsRecordedBy = table.Column<string>(type: "text", nullable: true),
                    WordsRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_papers", x => x.EscalationId);
                });

            migrationBuilder.CreateTable(
                name: "board_decision_progress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ById = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "text", nullable: false),
                    ByRole = table.Column<string>(type: "text", nullable: false),
                    ByOrganisation = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
