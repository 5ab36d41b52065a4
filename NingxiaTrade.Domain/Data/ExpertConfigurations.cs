using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Data;

internal sealed class SpecialtyConfiguration : IEntityTypeConfiguration<Specialty>
{
    public void Configure(EntityTypeBuilder<Specialty> b)
    {
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(20).IsUnicode(false);
        b.Property(s => s.ParentCode).HasMaxLength(20).IsUnicode(false);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Ignore(s => s.Level);
    }
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> b)
    {
        b.Property(e => e.Name).HasMaxLength(50);
        b.HasIndex(e => e.Name);
        b.Property(e => e.IdNumber).HasConversion<IdNumberConverter>().HasMaxLength(18).IsUnicode(false);
        b.HasIndex(e => e.IdNumber).IsUnique();
        b.Property(e => e.Title).HasMaxLength(50);
        b.Property(e => e.EmployerName).HasMaxLength(200);
        b.Property(e => e.RegionCode).HasMaxLength(6).IsUnicode(false);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.ReviewNote).HasMaxLength(500);
        b.HasIndex(e => new { e.Status, e.RegionCode });
        // The employer is another module's entity: referenced by id only, no foreign key (the expert outlives a deregistration).
        b.HasIndex(e => e.EmployerEntityId);
        b.Property(e => e.Revision).IsConcurrencyToken();
        b.HasMany(e => e.Specialties).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Leaves).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Trainings).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Conflicts).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Employments).WithOne().HasForeignKey(s => s.ExpertId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Specialties).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Leaves).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Trainings).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Conflicts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Employments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ExpertSpecialtyConfiguration : IEntityTypeConfiguration<ExpertSpecialty>
{
    public void Configure(EntityTypeBuilder<ExpertSpecialty> b)
    {
        b.HasKey(s => new { s.ExpertId, s.Code });
        b.Property(s => s.Code).HasMaxLength(20).IsUnicode(false);
        // The draw reads the pool by specialty: (Code, ExpertId) covers it without touching the table.
        b.HasIndex(s => new { s.Code, s.ExpertId });
        b.HasOne<Specialty>().WithMany().HasForeignKey(s => s.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpertLeaveConfiguration : IEntityTypeConfiguration<ExpertLeave>
{
    public void Configure(EntityTypeBuilder<ExpertLeave> b)
    {
        b.Property(l => l.Reason).HasMaxLength(200);
        b.HasIndex(l => new { l.FromUtc, l.ToUtc });
    }
}

internal sealed class ExpertTrainingConfiguration : IEntityTypeConfiguration<ExpertTraining>
{
    public void Configure(EntityTypeBuilder<ExpertTraining> b) => b.Property(t => t.Course).HasMaxLength(200);
}

internal sealed class ExpertConflictConfiguration : IEntityTypeConfiguration<ExpertConflict>
{
    public void Configure(EntityTypeBuilder<ExpertConflict> b)
    {
        b.Property(c => c.Note).HasMaxLength(200);
        b.HasIndex(c => c.EntityId);
    }
}

internal sealed class ExpertEmploymentConfiguration : IEntityTypeConfiguration<ExpertEmployment>
{
    public void Configure(EntityTypeBuilder<ExpertEmployment> b)
    {
        b.Property(e => e.EmployerName).HasMaxLength(200);
        b.Property(e => e.CreditCode).HasMaxLength(18).IsUnicode(false);
        b.Ignore(e => e.Period);
    }
}

internal sealed class ExpertDrawConfiguration : IEntityTypeConfiguration<ExpertDraw>
{
    public void Configure(EntityTypeBuilder<ExpertDraw> b)
    {
        b.Property(d => d.ProjectCode).HasMaxLength(40);
        b.Property(d => d.ProjectName).HasMaxLength(200);
        b.Property(d => d.LotName).HasMaxLength(200);
        b.Property(d => d.ProjectRegionCode).HasMaxLength(6).IsUnicode(false);
        b.Property(d => d.TendererName).HasMaxLength(200);
        b.Property(d => d.AgentName).HasMaxLength(200);
        b.Property(d => d.TendererUserId).HasMaxLength(450);
        b.Property(d => d.AgentUserId).HasMaxLength(450);
        b.Property(d => d.Place).HasMaxLength(200);
        b.Property(d => d.SupervisingDepartmentName).HasMaxLength(100);
        b.Property(d => d.ResultPublishedByName).HasMaxLength(100);
        b.Property(d => d.Seed).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.AlgorithmVersion).HasMaxLength(200);
        b.Property(d => d.CreatedByUserId).HasMaxLength(450);
        b.Property(d => d.CreatedByName).HasMaxLength(100);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.HasIndex(d => d.LotId);
        b.HasIndex(d => new { d.TendererName, d.CreatedUtc });
        b.HasOne<Lot>().WithMany().HasForeignKey(d => d.LotId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(d => d.Rules);
        b.Ignore(d => d.SeedBytes);
        b.Ignore(d => d.Bidders);
        b.Ignore(d => d.Parties);
        b.HasMany(d => d.Groups).WithOne().HasForeignKey(g => g.DrawId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Members).WithOne().HasForeignKey(m => m.DrawId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Groups).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(d => d.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DrawGroupConfiguration : IEntityTypeConfiguration<DrawGroup>
{
    public void Configure(EntityTypeBuilder<DrawGroup> b)
    {
        b.Property(g => g.SpecialtyCode).HasMaxLength(20).IsUnicode(false);
        b.Property(g => g.SpecialtyName).HasMaxLength(100);
        b.Property(g => g.PoolHash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(g => new { g.DrawId, g.Index }).IsUnique();
        b.Ignore(g => g.PoolIds);
        b.Ignore(g => g.Removed);
    }
}

internal sealed class DrawMemberConfiguration : IEntityTypeConfiguration<DrawMember>
{
    public void Configure(EntityTypeBuilder<DrawMember> b)
    {
        b.Property(m => m.ExpertName).HasMaxLength(50);
        b.Property(m => m.Reason).HasMaxLength(500);
        b.HasIndex(m => new { m.ExpertId, m.InvitedUtc });
        b.HasIndex(m => new { m.State, m.ResponseDeadlineUtc });
        b.HasOne<Expert>().WithMany().HasForeignKey(m => m.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExpertDrawViewConfiguration : IEntityTypeConfiguration<ExpertDrawView>
{
    public void Configure(EntityTypeBuilder<ExpertDrawView> b)
    {
        b.Property(v => v.UserId).HasMaxLength(450);
        b.Property(v => v.UserName).HasMaxLength(256);
        b.Property(v => v.Role).HasMaxLength(100);
        b.Property(v => v.Purpose).HasMaxLength(200);
        b.HasIndex(v => new { v.DrawId, v.ViewedUtc });
        b.HasOne<ExpertDraw>().WithMany().HasForeignKey(v => v.DrawId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpertAssessmentConfiguration : IEntityTypeConfiguration<ExpertAssessment>
{
    public void Configure(EntityTypeBuilder<ExpertAssessment> b)
    {
        b.Property(a => a.AssessorUserId).HasMaxLength(450);
        b.Property(a => a.AssessorRole).HasMaxLength(50);
        b.Property(a => a.Comment).HasMaxLength(500);
        b.HasIndex(a => new { a.ExpertId, a.CreatedUtc });
        b.HasOne<ExpertDraw>().WithMany().HasForeignKey(a => a.DrawId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Expert>().WithMany().HasForeignKey(a => a.ExpertId).OnDelete(DeleteBehavior.Restrict);
    }
}
