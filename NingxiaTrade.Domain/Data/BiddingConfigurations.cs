using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Data;

internal sealed class TenderDocumentConfiguration : IEntityTypeConfiguration<TenderDocument>
{
    public void Configure(EntityTypeBuilder<TenderDocument> b)
    {
        b.Property(d => d.FileName).HasMaxLength(200);
        b.Property(d => d.StoredName).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.Sm3).HasMaxLength(64).IsUnicode(false);
        b.Property(d => d.SignedByName).HasMaxLength(200);
        b.Property(d => d.SignatureToken).HasMaxLength(4000).IsUnicode(false);
        b.Property(d => d.UploadedBy).HasMaxLength(256);
        b.Property(d => d.UploadedByUserId).HasMaxLength(450);
        b.HasIndex(d => new { d.ProjectId, d.Version }).IsUnique();
        b.HasOne<TradeProject>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TenderDocumentDownloadConfiguration : IEntityTypeConfiguration<TenderDocumentDownload>
{
    public void Configure(EntityTypeBuilder<TenderDocumentDownload> b)
    {
        b.Property(d => d.EntityName).HasMaxLength(200);
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.UserName).HasMaxLength(256);
        b.Property(d => d.Role).HasMaxLength(32).IsUnicode(false);
        b.Property(d => d.Address).HasMaxLength(64).IsUnicode(false);
        // The confidential list per project, newest first; "has a bidder obtained this version" per document.
        b.HasIndex(d => new { d.ProjectId, d.Role, d.AtUtc });
        b.HasIndex(d => new { d.DocumentId, d.Role });
        b.HasOne<TenderDocument>().WithMany().HasForeignKey(d => d.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DepositConfiguration : IEntityTypeConfiguration<Deposit>
{
    public void Configure(EntityTypeBuilder<Deposit> b)
    {
        b.ToTable("Deposits");
        b.Property(d => d.ProjectCode).HasMaxLength(64);
        b.Property(d => d.ProjectName).HasMaxLength(200);
        b.Property(d => d.LotName).HasMaxLength(200);
        b.Property(d => d.EntityName).HasMaxLength(200);
        b.Property(d => d.Amount).HasConversion(MoneyConverter.Instance).HasColumnName("AmountFen");
        b.Property(d => d.GuaranteeAmount).HasConversion(MoneyConverter.Instance).HasColumnName("GuaranteeAmountFen");
        b.Property(d => d.Interest).HasConversion(MoneyConverter.Instance).HasColumnName("InterestFen");
        b.Property(d => d.LateFee).HasConversion(MoneyConverter.Instance).HasColumnName("LateFeeFen");
        b.Property(d => d.RecordedBy).HasMaxLength(256);
        b.Property(d => d.BankName).HasMaxLength(100);
        b.Property(d => d.Reference).HasMaxLength(64);
        b.Property(d => d.PayerAccount).HasMaxLength(32).IsUnicode(false);
        b.Property(d => d.PayerName).HasMaxLength(200);
        b.Property(d => d.GuaranteeNumber).HasMaxLength(64);
        b.Property(d => d.GuaranteeIssuer).HasMaxLength(200);
        b.Property(d => d.ReceivedBy).HasMaxLength(256);
        b.Property(d => d.RefundedBy).HasMaxLength(256);
        b.Property(d => d.ForfeitedBy).HasMaxLength(256);
        b.Property(d => d.ForfeitReason).HasMaxLength(500);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.Ignore(d => d.Number);
        b.Ignore(d => d.DutyKey);
        // One deposit per bidder per lot; the statement import matches by reference within a project.
        b.HasIndex(d => new { d.ProjectId, d.LotNumber, d.EntityId }).IsUnique();
        b.HasIndex(d => new { d.ProjectId, d.Reference });
        b.HasIndex(d => d.EntityId);
        b.HasOne<TradeProject>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BidQuestionConfiguration : IEntityTypeConfiguration<BidQuestion>
{
    public void Configure(EntityTypeBuilder<BidQuestion> b)
    {
        b.Property(q => q.Text).HasMaxLength(BidQuestion.MaxText);
        b.Property(q => q.AskedByEntityName).HasMaxLength(200);
        b.Property(q => q.AskedByUserId).HasMaxLength(450);
        b.Property(q => q.AskedByName).HasMaxLength(256);
        b.Property(q => q.Answer).HasMaxLength(BidQuestion.MaxText);
        b.Property(q => q.AnsweredBy).HasMaxLength(256);
        b.Property(q => q.AnsweredByUserId).HasMaxLength(450);
        b.HasIndex(q => new { q.ProjectId, q.Number }).IsUnique();
        b.HasOne<TradeProject>().WithMany().HasForeignKey(q => q.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> b)
    {
        b.Property(a => a.Title).HasMaxLength(200);
        b.Property(a => a.Text).HasMaxLength(20000);
        b.Property(a => a.Basis).HasMaxLength(1000);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.StoredName).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.FileSm3).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.Sm3).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.SignedByName).HasMaxLength(200);
        b.Property(a => a.SignatureToken).HasMaxLength(4000).IsUnicode(false);
        b.Property(a => a.PublishedBy).HasMaxLength(256);
        b.Property(a => a.PublishedByUserId).HasMaxLength(450);
        b.HasIndex(a => new { a.ProjectId, a.Number }).IsUnique();
        b.HasIndex(a => new { a.ProjectId, a.PublishedUtc });
        b.HasOne<TradeProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
