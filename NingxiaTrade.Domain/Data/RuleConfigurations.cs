using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Domain.Data;

/// <summary>Shared mapping of a transaction-type list as "1,2,5": read with its row, never queried alone.</summary>
internal static class TradeTypeListMapping
{
    public static PropertyBuilder<List<TradeType>> AsTypeList(this PropertyBuilder<List<TradeType>> property) =>
        property.HasMaxLength(40).IsUnicode(false).HasConversion(
            v => string.Join(",", v.Select(t => (int)t)),
            s => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => (TradeType)int.Parse(x)).ToList(),
            new ValueComparer<List<TradeType>>(
                (a, c) => a!.SequenceEqual(c!),
                v => v.Aggregate(0, (h, t) => HashCode.Combine(h, t)),
                v => v.ToList()));
}

internal sealed class RuleConfiguration : IEntityTypeConfiguration<Rule>
{
    public void Configure(EntityTypeBuilder<Rule> b)
    {
        // Keys are made by the entities: a new review found through a loaded rule's collection is an insert.
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.DocumentNumber).HasMaxLength(60);
        b.Property(r => r.IssuingBody).HasMaxLength(100);
        b.Property(r => r.TradeTypes).AsTypeList();
        b.Property(r => r.AttachmentPath).HasMaxLength(300);
        b.HasIndex(r => r.DocumentNumber);
        b.HasIndex(r => new { r.DepartmentId, r.Status });
        b.HasIndex(r => r.Status);
        b.HasOne<SupervisingDepartment>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Reviews).WithOne().HasForeignKey(v => v.RuleId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Reviews).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.PendingReview);
        b.Ignore(r => r.LatestReview);
        b.Ignore(r => r.StartsOn);
    }
}

internal sealed class RuleReviewConfiguration : IEntityTypeConfiguration<RuleReview>
{
    public void Configure(EntityTypeBuilder<RuleReview> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Explanation).HasMaxLength(2000);
        b.Property(v => v.AnswerToReturn).HasMaxLength(2000);
        b.Property(v => v.SubmittedByUserId).HasMaxLength(450);
        b.Property(v => v.SubmittedByName).HasMaxLength(256);
        b.HasIndex(v => new { v.RuleId, v.Round }).IsUnique();
        b.HasOne(v => v.Legality).WithOne().HasForeignKey<LegalityReview>(l => l.RuleReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LegalityReviewConfiguration : IEntityTypeConfiguration<LegalityReview>
{
    public void Configure(EntityTypeBuilder<LegalityReview> b)
    {
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.Opinion).HasMaxLength(2000);
        b.Property(l => l.Reasons).HasMaxLength(2000);
        b.Property(l => l.ReviewerUserId).HasMaxLength(450);
        b.Property(l => l.ReviewerName).HasMaxLength(256);
    }
}

internal sealed class CommentPeriodConfiguration : IEntityTypeConfiguration<CommentPeriod>
{
    public void Configure(EntityTypeBuilder<CommentPeriod> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Description).HasMaxLength(2000);
        b.Property(p => p.OpenedBy).HasMaxLength(256);
        b.HasMany(p => p.Rules).WithOne().HasForeignKey(r => r.CommentPeriodId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Comments).WithOne().HasForeignKey(c => c.CommentPeriodId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Rules).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Comments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(p => p.EndsUtc);
    }
}

internal sealed class CommentPeriodRuleConfiguration : IEntityTypeConfiguration<CommentPeriodRule>
{
    public void Configure(EntityTypeBuilder<CommentPeriodRule> b)
    {
        b.HasKey(r => new { r.CommentPeriodId, r.RuleId });
        b.HasOne<Rule>().WithMany().HasForeignKey(r => r.RuleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicCommentConfiguration : IEntityTypeConfiguration<PublicComment>
{
    public void Configure(EntityTypeBuilder<PublicComment> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Text).HasMaxLength(2000);
        b.Property(c => c.AuthorUserId).HasMaxLength(450);
        b.Property(c => c.AuthorName).HasMaxLength(256);
        b.Property(c => c.AuthorRole).HasMaxLength(64);
        b.Property(c => c.Reply).HasMaxLength(2000);
        b.Property(c => c.AnsweredBy).HasMaxLength(256);
        b.HasOne<Rule>().WithMany().HasForeignKey(c => c.RuleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueVersion> b)
    {
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Name).HasMaxLength(50);
        b.Property(v => v.PublishedBy).HasMaxLength(256);
        b.HasIndex(v => v.Name).IsUnique();
        b.HasIndex(v => v.Number).IsUnique();
        b.HasIndex(v => v.EffectiveOn);
        b.HasMany(v => v.Entries).WithOne().HasForeignKey(e => e.CatalogueVersionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(v => v.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CatalogueEntryConfiguration : IEntityTypeConfiguration<CatalogueEntry>
{
    public void Configure(EntityTypeBuilder<CatalogueEntry> b)
    {
        b.HasKey(e => new { e.CatalogueVersionId, e.RuleId });
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.DocumentNumber).HasMaxLength(60);
        b.Property(e => e.IssuingBody).HasMaxLength(100);
        b.Property(e => e.DepartmentName).HasMaxLength(30);
        b.Property(e => e.TradeTypes).AsTypeList();
        b.HasOne<Rule>().WithMany().HasForeignKey(e => e.RuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.RuleId);
    }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> b)
    {
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.FileName).HasMaxLength(200);
        b.Property(t => t.Placeholders).HasMaxLength(4000);
        b.Property(t => t.UploadedBy).HasMaxLength(256);
        b.HasIndex(t => new { t.TradeType, t.Name, t.Version }).IsUnique();
        b.Ignore(t => t.PlaceholderList);
    }
}
