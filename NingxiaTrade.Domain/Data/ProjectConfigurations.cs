using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Data;

/// <summary>Money is stored as integer fen, which SQLite can compare and order.</summary>
public sealed class MoneyConverter : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Money, long>
{
    public static readonly MoneyConverter Instance = new();

    public MoneyConverter() : base(m => m.Fen, fen => new Money(fen)) { }
}

internal sealed class WorkflowDefinitionConfiguration : IEntityTypeConfiguration<WorkflowDefinition>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinition> b)
    {
        b.Property(d => d.DefinitionId).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.CreatedBy).HasMaxLength(256);
        b.Property(d => d.PublishedBy).HasMaxLength(256);
        b.Property(d => d.LegalReviewReasons).HasMaxLength(4000);
        b.Property(d => d.LegalOpinion).HasMaxLength(2000);
        b.Property(d => d.LegalReviewedBy).HasMaxLength(100);
        b.Ignore(d => d.LegalReviewItems);
        b.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        b.HasIndex(d => new { d.TradeType, d.TradeMethod, d.IsPublished });
        b.Ignore(d => d.Body);
        b.Ignore(d => d.IsDraft);
    }
}

internal sealed class TradeProjectConfiguration : IEntityTypeConfiguration<TradeProject>
{
    public void Configure(EntityTypeBuilder<TradeProject> b)
    {
        b.Property(p => p.Code).HasMaxLength(32).IsUnicode(false);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.RegionCode).HasMaxLength(6).IsUnicode(false);
        b.Property(p => p.TendererName).HasMaxLength(200);
        b.Property(p => p.AgentName).HasMaxLength(200);
        b.Property(p => p.TendererUserId).HasMaxLength(450);
        b.Property(p => p.AgentUserId).HasMaxLength(450);
        b.Property(p => p.CreatedByUserId).HasMaxLength(450);
        b.Property(p => p.FundSource).HasMaxLength(100);
        b.Property(p => p.ApprovalDocumentNumber).HasMaxLength(100);
        b.Property(p => p.CurrentStep).HasMaxLength(64).IsUnicode(false);
        b.Property(p => p.SuspendedReason).HasMaxLength(500);
        b.Property(p => p.SuspendedBy).HasMaxLength(100);
        b.Property(p => p.Estimate).HasConversion(MoneyConverter.Instance).HasColumnName("EstimateFen");
        b.Property(p => p.AppraisedValue).HasConversion(MoneyConverter.Instance).HasColumnName("AppraisedValueFen");
        // Projects registered before re-disclosure existed are in their first disclosure.
        b.Property(p => p.DisclosureRound).HasDefaultValue(1);
        b.Property(p => p.PreviousListingPrice).HasConversion(MoneyConverter.Instance).HasColumnName("PreviousListingPriceFen");
        b.Property(p => p.ListingConsentFile).HasMaxLength(64).IsUnicode(false);
        b.Ignore(p => p.ListingPrice);
        b.Property(p => p.Revision).IsConcurrencyToken();
        b.HasMany(p => p.Lots).WithOne().HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Lots).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<TradingCentre>().WithMany().HasForeignKey(p => p.TradingCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupervisingDepartment>().WithMany().HasForeignKey(p => p.SupervisingDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkflowDefinition>().WithMany().HasForeignKey(p => p.WorkflowDefinitionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.TradeType, p.CurrentStep });
        b.HasIndex(p => p.CreatedUtc);
        b.HasIndex(p => p.TendererUserId);
        // The registry entity of the tenderer; no foreign key across modules (MarketEntities owns its table).
        b.HasIndex(p => p.TendererEntityId);
        b.HasIndex(p => p.AgentUserId);
    }
}

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> b)
    {
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Classification).HasMaxLength(100);
        b.Property(l => l.Price).HasConversion(MoneyConverter.Instance).HasColumnName("PriceFen");
        b.Property(l => l.Deposit).HasConversion(MoneyConverter.Instance).HasColumnName("DepositFen");
        b.HasIndex(l => new { l.ProjectId, l.Number }).IsUnique();
        b.Property(l => l.CurrentStep).HasMaxLength(64).IsUnicode(false);
    }
}

internal sealed class ProjectStepRecordConfiguration : IEntityTypeConfiguration<ProjectStepRecord>
{
    public void Configure(EntityTypeBuilder<ProjectStepRecord> b)
    {
        b.ToTable("ProjectSteps");
        b.Property(s => s.FromStep).HasMaxLength(64).IsUnicode(false);
        b.Property(s => s.ToStep).HasMaxLength(64).IsUnicode(false);
        b.Property(s => s.Trigger).HasMaxLength(64).IsUnicode(false);
        b.Property(s => s.Action).HasMaxLength(200);
        b.Property(s => s.UserName).HasMaxLength(256);
        b.Property(s => s.Role).HasMaxLength(200);
        b.Property(s => s.Opinion).HasMaxLength(2000);
        b.HasIndex(s => new { s.ProjectId, s.Sequence }).IsUnique();
        b.HasOne<TradeProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> b)
    {
        b.Property(a => a.Trigger).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.Action).HasMaxLength(200);
        b.Property(a => a.FromStep).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.ToStep).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.RequestedBy).HasMaxLength(256);
        b.Property(a => a.DecidedBy).HasMaxLength(256);
        b.Property(a => a.RequestNote).HasMaxLength(2000);
        b.Property(a => a.Opinion).HasMaxLength(2000);
        b.HasIndex(a => new { a.SupervisingDepartmentId, a.Status });
        b.Property(a => a.DecidedByUserId).HasMaxLength(450);
        // The supervisor's 已办 list: its own decisions, newest first.
        b.HasIndex(a => new { a.DecidedByUserId, a.DecidedUtc });
        b.HasOne<TradeProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
