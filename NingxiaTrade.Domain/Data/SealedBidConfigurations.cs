using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Data;

internal sealed class SealedBidConfiguration : IEntityTypeConfiguration<SealedBid>
{
    public void Configure(EntityTypeBuilder<SealedBid> b)
    {
        b.Property(x => x.EntityName).HasMaxLength(200);
        b.Property(x => x.SubmittedByUserId).HasMaxLength(450);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.UploadAddress).HasMaxLength(64).IsUnicode(false);
        // Key material (wrapped) and the sealed price form: kept out of the audit log's readable changes.
        b.Property(x => x.PriceFormCipher).HasMaxLength(4096).IsSecret();
        b.Property(x => x.PasswordSalt).HasMaxLength(32).IsSecret();
        b.Property(x => x.PasswordWrappedKey).HasMaxLength(64).IsSecret();
        b.Property(x => x.EscrowWrappedKey).HasMaxLength(256).IsSecret();
        b.Property(x => x.EscrowKeyId).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.ManifestSm3).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.SignatureToken).HasMaxLength(4000).IsUnicode(false);
        b.Property(x => x.ReceiptToken).HasMaxLength(4000).IsUnicode(false);
        b.Property(x => x.OpenedBy).HasMaxLength(32);
        b.Property(x => x.PriceFormJson).HasMaxLength(4000);
        b.Property(x => x.OpenedKeyWrapped).HasMaxLength(64).IsSecret();
        b.Property(x => x.OpenedKeyWrapId).HasMaxLength(64).IsUnicode(false);
        // A bidder's bids per lot (the last counts), and the valid bids of a lot at its deadline.
        b.HasIndex(x => new { x.ProjectId, x.LotNumber, x.EntityId, x.Status });
        b.HasIndex(x => new { x.ProjectId, x.LotNumber, x.Status });
        b.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.BidId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Files).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<TradeProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SealedBidFileConfiguration : IEntityTypeConfiguration<SealedBidFile>
{
    public void Configure(EntityTypeBuilder<SealedBidFile> b)
    {
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.StoredName).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.PlainSm3).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.CipherSm3).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Author).HasMaxLength(200);
        b.Property(x => x.Company).HasMaxLength(200);
        b.Property(x => x.LastModifiedBy).HasMaxLength(200);
        // Identical files across bids (collusion analysis).
        b.HasIndex(x => x.PlainSm3);
    }
}

internal sealed class BidOpeningConfiguration : IEntityTypeConfiguration<BidOpening>
{
    public void Configure(EntityTypeBuilder<BidOpening> b)
    {
        b.Property(x => x.LotName).HasMaxLength(200);
        b.Property(x => x.RecordSm3).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.RecordSignature).HasMaxLength(256).IsUnicode(false);
        b.Property(x => x.RecordKeyId).HasMaxLength(16).IsUnicode(false);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => new { x.ProjectId, x.LotNumber, x.CreatedUtc });
        b.HasOne<TradeProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpeningEntryConfiguration : IEntityTypeConfiguration<OpeningEntry>
{
    public void Configure(EntityTypeBuilder<OpeningEntry> b)
    {
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.OpeningId, x.AtUtc });
        b.HasOne<BidOpening>().WithMany().HasForeignKey(x => x.OpeningId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscrowRequestConfiguration : IEntityTypeConfiguration<EscrowRequest>
{
    public void Configure(EntityTypeBuilder<EscrowRequest> b)
    {
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.RequestedBy).HasMaxLength(256);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Opinion).HasMaxLength(500);
        b.HasIndex(x => new { x.OpeningId, x.BidId });
        b.HasOne<BidOpening>().WithMany().HasForeignKey(x => x.OpeningId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SealedBid>().WithMany().HasForeignKey(x => x.BidId).OnDelete(DeleteBehavior.NoAction);
    }
}
