using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.ApiKeys;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;

namespace NingxiaTrade.Domain.Data;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.HasOne<TradingCentre>().WithMany().HasForeignKey(u => u.TradingCentreId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupervisingDepartment>().WithMany().HasForeignKey(u => u.SupervisingDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.MarketEntityId);
        b.HasIndex(u => u.ExpertId);
        b.Property(u => u.PasswordHash).IsSecret();
        b.Property(u => u.SecurityStamp).IsSecret();
        // Written at every sign-in; sign-ins are recorded as SignInEvents instead. LockoutEnd is not among them:
        // a lockout stays a visible change of the account.
        b.Property(u => u.LastSignInUtc).IsSignInBookkeeping();
        b.Property(u => u.AccessFailedCount).IsSignInBookkeeping();
        b.Property(u => u.ConcurrencyStamp).IsSignInBookkeeping();
    }
}

/// <summary>Identity's tokens hold each user's authenticator key and recovery codes.</summary>
internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> b) => b.Property(t => t.Value).IsSecret();
}

/// <summary>The data-protection key ring: each key's XML holds the key material.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(k => k.Xml).IsSecret();
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.HasKey(e => e.Sequence);
        // The application numbers the chain; the database must not.
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Role).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(16);
        b.Property(e => e.EntityType).HasMaxLength(128);
        b.Property(e => e.EntityKey).HasMaxLength(256);
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsUnicode(false);
        b.Property(e => e.Hash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(e => e.TimestampUtc);
        b.HasIndex(e => new { e.EntityType, e.EntityKey });
        b.HasIndex(e => e.UserName);
    }
}

internal sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchor>
{
    public void Configure(EntityTypeBuilder<AuditAnchor> b)
    {
        b.Property(a => a.Hash).HasMaxLength(64).IsUnicode(false);
        b.Property(a => a.KeyId).HasMaxLength(16).IsUnicode(false);
        b.Property(a => a.PublicKey).HasMaxLength(130).IsUnicode(false);
        b.Property(a => a.Signature).HasMaxLength(160).IsUnicode(false);
        b.Ignore(a => a.SignedText);
        b.HasIndex(a => a.Sequence);
    }
}

internal sealed class AuditReconciliationConfiguration : IEntityTypeConfiguration<AuditReconciliation>
{
    public void Configure(EntityTypeBuilder<AuditReconciliation> b) => b.HasIndex(r => r.RanUtc);
}

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> b)
    {
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Method).HasMaxLength(16);
        b.Property(e => e.ClientAddress).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(e => e.OccurredUtc);
        b.HasIndex(e => e.UserId);
    }
}

internal sealed class TradingCentreConfiguration : IEntityTypeConfiguration<TradingCentre>
{
    public void Configure(EntityTypeBuilder<TradingCentre> b)
    {
        b.Property(c => c.RegionCode).HasMaxLength(6).IsUnicode(false);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.HasIndex(c => c.RegionCode).IsUnique();
        b.HasIndex(c => c.Name).IsUnique();
        b.Ignore(c => c.IsRegional);
    }
}

internal sealed class SupervisingDepartmentConfiguration : IEntityTypeConfiguration<SupervisingDepartment>
{
    public void Configure(EntityTypeBuilder<SupervisingDepartment> b)
    {
        b.Property(d => d.ShortName).HasMaxLength(30);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.RegionCode).HasMaxLength(6).IsUnicode(false);
        b.HasIndex(d => d.Name).IsUnique();
        // Stored as "1,2,5": a handful of values, read with the department, never queried alone.
        b.Property(d => d.SupervisedTypes).HasMaxLength(40).IsUnicode(false).HasConversion(TradeTypeList.Converter, TradeTypeList.Comparer);
    }
}

internal sealed class HolidayDateConfiguration : IEntityTypeConfiguration<HolidayDate>
{
    public void Configure(EntityTypeBuilder<HolidayDate> b)
    {
        b.HasKey(h => h.Date);
        b.Property(h => h.Name).HasMaxLength(50);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(12).IsUnicode(false);
        b.Property(k => k.KeyHash).HasMaxLength(64).IsUnicode(false);
        b.Property(k => k.CreatedBy).HasMaxLength(256);
        b.HasIndex(k => k.Prefix);
    }
}
