using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;

namespace NingxiaTrade.Domain.Data;

/// <summary>A credit code is stored as its 18 characters.</summary>
internal sealed class CreditCodeConverter() : ValueConverter<CreditCode, string>(c => c.Value, s => CreditCode.FromStorage(s));

/// <summary>An ID number is stored as its 18 characters.</summary>
internal sealed class IdNumberConverter() : ValueConverter<IdNumber, string>(c => c.Value, s => IdNumber.FromStorage(s));

/// <summary>A short list of transaction types stored as "1,2,5": read with its row, never queried alone.</summary>
internal static class TradeTypeList
{
    public static readonly ValueConverter<List<TradeType>, string> Converter = new(
        v => string.Join(",", v.Select(t => (int)t)),
        s => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => (TradeType)int.Parse(x)).ToList());

    public static readonly ValueComparer<List<TradeType>> Comparer = new(
        (a, c) => a!.SequenceEqual(c!),
        v => v.Aggregate(0, (h, t) => HashCode.Combine(h, t)),
        v => v.ToList());
}

internal sealed class MarketEntityConfiguration : IEntityTypeConfiguration<MarketEntity>
{
    public void Configure(EntityTypeBuilder<MarketEntity> b)
    {
        b.Property(e => e.Code).HasConversion<CreditCodeConverter>().HasMaxLength(18).IsUnicode(false).HasColumnName("CreditCode");
        b.HasIndex(e => e.Code).IsUnique();
        b.Property(e => e.Name).HasMaxLength(200);
        b.HasIndex(e => e.Name);
        b.Property(e => e.LegalRepresentativeName).HasMaxLength(50);
        b.Property(e => e.LegalRepresentativeIdNumber).HasConversion<IdNumberConverter>().HasMaxLength(18).IsUnicode(false);
        b.HasIndex(e => e.LegalRepresentativeIdNumber);
        b.Property(e => e.RegisteredAddress).HasMaxLength(200);
        b.Property(e => e.RegionCode).HasMaxLength(6).IsUnicode(false);
        b.Property(e => e.BusinessScope).HasMaxLength(2000);
        b.Property(e => e.OwnerUserId).HasMaxLength(450);
        b.HasIndex(e => e.OwnerUserId);
        b.HasIndex(e => new { e.Status, e.SubmittedUtc });
        b.Property(e => e.Revision).IsConcurrencyToken();
        b.Ignore(e => e.IsEditable);
        b.HasOne<TradingCentre>().WithMany().HasForeignKey(e => e.RegistrationCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TradingCentre>().WithMany().HasForeignKey(e => e.ApprovedByCentreId).OnDelete(DeleteBehavior.Restrict);
        // ApplicationUser.MarketEntityId stays without a foreign key: adding one makes SQLite rebuild AspNetUsers
        // outside a transaction. The services set it only to an entity they have just saved.
        b.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.MarketEntityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.BankAccounts).WithOne().HasForeignKey(c => c.MarketEntityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Qualifications).WithOne().HasForeignKey(c => c.MarketEntityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.KeyStaff).WithOne().HasForeignKey(c => c.MarketEntityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.BankAccounts).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Qualifications).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.KeyStaff).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EntityContactConfiguration : IEntityTypeConfiguration<EntityContact>
{
    public void Configure(EntityTypeBuilder<EntityContact> b)
    {
        b.ToTable("MarketEntityContacts");
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.Value).HasMaxLength(100);
        // Association analysis looks for entities sharing a phone or e-mail.
        b.HasIndex(c => c.Value);
    }
}

internal sealed class EntityBankAccountConfiguration : IEntityTypeConfiguration<EntityBankAccount>
{
    public void Configure(EntityTypeBuilder<EntityBankAccount> b)
    {
        b.ToTable("MarketEntityBankAccounts");
        b.Property(a => a.BankName).HasMaxLength(100);
        b.Property(a => a.AccountName).HasMaxLength(200);
        b.Property(a => a.AccountNumber).HasMaxLength(32).IsUnicode(false);
        b.HasIndex(a => a.AccountNumber);
    }
}

internal sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> b)
    {
        b.ToTable("MarketEntityQualifications");
        b.Property(q => q.Type).HasMaxLength(100);
        b.Property(q => q.Grade).HasMaxLength(50);
        b.Property(q => q.Number).HasMaxLength(100);
        b.Property(q => q.Issuer).HasMaxLength(100);
        b.HasIndex(q => q.ExpiresOn);
    }
}

internal sealed class KeyStaffMemberConfiguration : IEntityTypeConfiguration<KeyStaffMember>
{
    public void Configure(EntityTypeBuilder<KeyStaffMember> b)
    {
        b.ToTable("MarketEntityKeyStaff");
        b.Property(s => s.Name).HasMaxLength(50);
        b.Property(s => s.IdNumber).HasConversion<IdNumberConverter>().HasMaxLength(18).IsUnicode(false);
        b.HasIndex(s => s.IdNumber);
        b.Property(s => s.Certificates).HasMaxLength(500);
    }
}

internal sealed class MarketEntityChangeConfiguration : IEntityTypeConfiguration<MarketEntityChange>
{
    public void Configure(EntityTypeBuilder<MarketEntityChange> b)
    {
        b.Property(c => c.OldName).HasMaxLength(200);
        b.Property(c => c.NewName).HasMaxLength(200);
        b.Property(c => c.OldLegalRepresentativeName).HasMaxLength(50);
        b.Property(c => c.NewLegalRepresentativeName).HasMaxLength(50);
        b.Property(c => c.OldLegalRepresentativeIdNumber).HasMaxLength(18).IsUnicode(false);
        b.Property(c => c.NewLegalRepresentativeIdNumber).HasMaxLength(18).IsUnicode(false);
        b.Property(c => c.Reason).HasMaxLength(1000);
        b.Property(c => c.RequestedBy).HasMaxLength(256);
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.Property(c => c.Opinion).HasMaxLength(2000);
        b.HasIndex(c => new { c.MarketEntityId, c.Status });
        b.HasOne<MarketEntity>().WithMany().HasForeignKey(c => c.MarketEntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MarketEntityReviewConfiguration : IEntityTypeConfiguration<MarketEntityReview>
{
    public void Configure(EntityTypeBuilder<MarketEntityReview> b)
    {
        b.Property(r => r.UserName).HasMaxLength(256);
        b.Property(r => r.CentreName).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(2000);
        b.HasIndex(r => r.MarketEntityId);
        b.HasOne<MarketEntity>().WithMany().HasForeignKey(r => r.MarketEntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ElectronicSealConfiguration : IEntityTypeConfiguration<ElectronicSeal>
{
    public void Configure(EntityTypeBuilder<ElectronicSeal> b)
    {
        b.HasIndex(s => s.MarketEntityId).IsUnique();
        b.Property(s => s.PublicKey).HasMaxLength(65);
        // Format 2: 12-byte wrap nonce + (32-byte key + 16-byte tag) + 16-byte wrap tag.
        b.Property(s => s.EncryptedPrivateKey).HasMaxLength(96);
        b.Property(s => s.WrapKeyId).HasMaxLength(16).IsUnicode(false);
        b.Property(s => s.FormatVersion).HasDefaultValue(1);
        // Parallel wrong PINs: each must count, so the update checks the counter it read.
        b.Property(s => s.FailedAttempts).IsConcurrencyToken();
        b.Property(s => s.Salt).HasMaxLength(16);
        b.Property(s => s.Nonce).HasMaxLength(12);
        b.Property(s => s.KeyId).HasMaxLength(16).IsUnicode(false);
        b.Ignore(s => s.IsPublished);
        b.Ignore(s => s.PublicKeyHex);
        b.HasOne<MarketEntity>().WithMany().HasForeignKey(s => s.MarketEntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignatureRecordConfiguration : IEntityTypeConfiguration<SignatureRecord>
{
    public void Configure(EntityTypeBuilder<SignatureRecord> b)
    {
        b.Property(s => s.CreditCode).HasMaxLength(18).IsUnicode(false);
        b.Property(s => s.SignerName).HasMaxLength(200);
        b.Property(s => s.KeyId).HasMaxLength(16).IsUnicode(false);
        b.Property(s => s.DocumentSm3).HasMaxLength(64).IsUnicode(false);
        b.Property(s => s.DocumentName).HasMaxLength(260);
        b.Property(s => s.SignedBy).HasMaxLength(256);
        b.Property(s => s.Token).HasMaxLength(2000).IsUnicode(false);
        b.HasIndex(s => new { s.MarketEntityId, s.SignedUtc });
        b.HasOne<MarketEntity>().WithMany().HasForeignKey(s => s.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> b)
    {
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.Property(r => r.DocumentNumber).HasMaxLength(100);
        b.Property(r => r.LegalBasis).HasMaxLength(500);
        b.Property(r => r.IssuedBy).HasMaxLength(100);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.MarketEntityId, r.Date });
        b.HasOne<MarketEntity>().WithMany().HasForeignKey(r => r.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MarketBanConfiguration : IEntityTypeConfiguration<MarketBan>
{
    public void Configure(EntityTypeBuilder<MarketBan> b)
    {
        b.Property(x => x.ListName).HasMaxLength(50);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.DocumentNumber).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.LiftReason).HasMaxLength(500);
        b.Ignore(x => x.AllTradeTypes);
        b.Ignore(x => x.ScopeChinese);
        // Empty means every transaction type.
        b.Property(x => x.TradeTypes).HasMaxLength(20).IsUnicode(false).HasConversion(TradeTypeList.Converter, TradeTypeList.Comparer);
        b.HasIndex(x => new { x.MarketEntityId, x.To });
        b.HasIndex(x => x.CreatedUtc);
        b.HasOne<MarketEntity>().WithMany().HasForeignKey(x => x.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditRepairRequestConfiguration : IEntityTypeConfiguration<CreditRepairRequest>
{
    public void Configure(EntityTypeBuilder<CreditRepairRequest> b)
    {
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.RequestedBy).HasMaxLength(256);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Property(r => r.Opinion).HasMaxLength(2000);
        b.HasIndex(r => new { r.Status, r.RequestedUtc });
        b.HasIndex(r => r.MarketEntityId);
        b.HasOne<MarketEntity>().WithMany().HasForeignKey(r => r.MarketEntityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CreditRecord>().WithMany().HasForeignKey(r => r.CreditRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MarketBan>().WithMany().HasForeignKey(r => r.MarketBanId).OnDelete(DeleteBehavior.Restrict);
    }
}
