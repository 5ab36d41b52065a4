using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Data;

internal sealed class ProjectDutyConfiguration : IEntityTypeConfiguration<ProjectDuty>
{
    public void Configure(EntityTypeBuilder<ProjectDuty> b)
    {
        b.ToTable("ProjectDuties");
        b.Property(d => d.DutyKey).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.AfterEvent).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.DoneEvent).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.LegalBasis).HasMaxLength(500);
        b.Property(d => d.CoverageWarning).HasMaxLength(200);
        b.Property(d => d.DoneBy).HasMaxLength(256);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.Ignore(d => d.LastDay);
        b.HasIndex(d => new { d.ProjectId, d.LotNumber, d.DutyKey });
        // The overdue lists and the reminder job: open duties by due time.
        b.HasIndex(d => new { d.DoneUtc, d.DueUtc });
        b.HasOne<TradeProject>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectEventConfiguration : IEntityTypeConfiguration<ProjectEvent>
{
    public void Configure(EntityTypeBuilder<ProjectEvent> b)
    {
        b.ToTable("ProjectEvents");
        b.Property(e => e.EventKey).HasMaxLength(64).IsUnicode(false);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.Property(e => e.Role).HasMaxLength(200);
        b.Property(e => e.StepKey).HasMaxLength(64).IsUnicode(false);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasIndex(e => new { e.ProjectId, e.EventKey });
        b.HasOne<TradeProject>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
