using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.RecipientUserId).HasMaxLength(450);
        b.Property(n => n.Title).HasMaxLength(Notification.TitleMax);
        b.Property(n => n.Body).HasMaxLength(Notification.BodyMax);
        b.Property(n => n.Link).HasMaxLength(Notification.LinkMax);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        // The bell's count and the list: a user's messages, unread first, newest first.
        b.HasIndex(n => new { n.RecipientUserId, n.ReadUtc });
        b.HasIndex(n => new { n.RecipientUserId, n.CreatedUtc });
        b.Ignore(n => n.IsRead);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.ToTable("OutgoingMails");
        b.Property(m => m.ToAddress).HasMaxLength(OutgoingMail.AddressMax);
        b.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectMax);
        b.Property(m => m.Body).HasMaxLength(OutgoingMail.BodyMax);
        b.Property(m => m.LastError).HasMaxLength(OutgoingMail.ErrorMax);
        b.Property(m => m.Revision).IsConcurrencyToken();
        b.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        b.HasIndex(m => m.CreatedUtc);
    }
}
