using Microsoft.EntityFrameworkCore;

namespace IntegrationHub.Board.Decisions;

/// <summary>The tables of the board's decisions and case papers; the hub's context filters them by tenant as it does every table with a tenant id.</summary>
static class BoardDecisionsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BoardDecision>(e =>
        {
            e.ToTable("board_decisions");

            // The list (soonest due first), the overdue scan and the scorecard's count.
            e.HasIndex(d => new { d.TenantId, d.Status, d.DueOn });
            e.HasIndex(d => new { d.TenantId, d.Organisation });
            e.HasIndex(d => d.EscalationId);
            e.Property(d => d.TenantId).HasMaxLength(64);
            e.Property(d => d.CaseReference).HasMaxLength(16);
            e.Property(d => d.Theme).HasMaxLength(64);
            e.Property(d => d.Action).HasMaxLength(BoardDecisionService.ActionMaxLength);
            e.Property(d => d.Organisation).HasMaxLength(64);
            e.Property(d => d.Agency).HasMaxLength(64);
            e.Property(d => d.Owner).HasMaxLength(BoardDecisionService.OwnerMaxLength);
            e.Property(d => d.Status).HasMaxLength(16);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasMany(d => d.Progress).WithOne().HasForeignKey(p => p.DecisionId);
        });

        modelBuilder.Entity<BoardDecisionProgress>(e =>
        {
            e.ToTable("board_decision_progress");
            e.Property(p => p.TenantId).HasMaxLength(64);
            e.Property(p => p.Status).HasMaxLength(16);
            e.Property(p => p.Note).HasMaxLength(BoardDecisionService.NoteMaxLength);
        });

        modelBuilder.Entity<CasePaper>(e =>
        {
            e.ToTable("case_papers");
            e.HasKey(p => p.EscalationId);
            e.Property(p => p.TenantId).HasMaxLength(64);
            e.Property(p => p.FavouredResolution).HasMaxLength(BoardDecisionService.ResolutionMaxLength);
            e.Property(p => p.Words).HasMaxLength(BoardDecisionService.WordsMaxLength);
        });
    }
}
