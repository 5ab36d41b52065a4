using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Notifications;

/// <summary>One e-mail as the channel hands it to the server.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

/// <summary>Delivers one e-mail or throws; the outbox decides about retries.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit, one connection per run of the outbox (<see cref="SmtpSettings"/>).</summary>
public sealed class SmtpMailSender(NotificationSettings settings) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        if (!smtp.IsConfigured)
        {
            throw new InvalidOperationException("未配置 SMTP 服务器。");
        }
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From!));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };
        using var client = new SmtpClient { Timeout = Math.Max(smtp.TimeoutSeconds, 1) * 1000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>What an Admin sees of the e-mail channel: the server (never its password) and the queue.</summary>
public sealed record MailOutboxOverview(bool Configured, string Server, int Pending, int Sent, int Failed, IReadOnlyList<OutgoingMailRow> Recent);

public sealed record OutgoingMailRow(Guid Id, string To, string Subject, OutgoingMailStatus Status, int Attempts, DateTime CreatedUtc,
    DateTime NextAttemptUtc, DateTime? SentUtc, string? LastError);

/// <summary>
/// The e-mail outbox: <see cref="SendDueAsync"/> (run by the outbox job) claims each due message, sends it and
/// records the outcome; a failure waits with exponential back-off (<see cref="MailQueueSettings"/>) and after the
/// last try the message is given up, for an Admin to send again.
/// </summary>
public sealed class MailOutbox(IDbContextFactory<TradeDbContext> contexts, IMailSender sender, NotificationSettings settings, TimeProvider time,
    ICurrentUser currentUser, ILogger<MailOutbox> logger)
{
    /// <summary>How long a claimed message is left alone by other instances while it is being sent.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends every due message (at most one batch); returns how many were delivered. Nothing when SMTP is not configured.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        if (!settings.Smtp.IsConfigured)
        {
            return 0;
        }
        var now = Now;
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Set<OutgoingMail>().AsNoTracking()
                .Where(m => m.Status == OutgoingMailStatus.Pending && m.NextAttemptUtc <= now)
                .OrderBy(m => m.NextAttemptUtc).Select(m => m.Id).Take(Math.Max(settings.Mail.BatchSize, 1)).ToListAsync(cancellationToken);
        }
        var delivered = 0;
        foreach (var id in due)
        {
            delivered += await SendOneAsync(id, cancellationToken) ? 1 : 0;
        }
        return delivered;
    }

    private async Task<bool> SendOneAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mail = await db.Set<OutgoingMail>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mail is null || mail.Status != OutgoingMailStatus.Pending || mail.NextAttemptUtc > Now)
        {
            return false;
        }
        mail.Claim(Now, Lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // another instance took it
        }
        try
        {
            await sender.SendAsync(new MailMessage(mail.ToAddress, mail.Subject, mail.Body), cancellationToken);
            mail.Delivered(Now);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = settings.Smtp.Scrub($"{ex.GetType().Name}: {ex.Message}");
            logger.LogWarning("E-mail {Mail} to {To}, try {Attempt}, failed: {Error}", mail.Id, mail.ToAddress, mail.Attempts, error);
            mail.Undelivered(error, Now, settings.Mail);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }

    /// <summary>The Admin's view of the channel.</summary>
    public async Task<MailOutboxOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mails = db.Set<OutgoingMail>().AsNoTracking();
        var counts = await mails.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var recent = await mails.OrderByDescending(m => m.CreatedUtc).Take(50)
            .Select(m => new OutgoingMailRow(m.Id, m.ToAddress, m.Subject, m.Status, m.Attempts, m.CreatedUtc, m.NextAttemptUtc, m.SentUtc, m.LastError))
            .ToListAsync(cancellationToken);
        return new MailOutboxOverview(settings.Smtp.IsConfigured, settings.Smtp.ToString(),
            counts.GetValueOrDefault(OutgoingMailStatus.Pending), counts.GetValueOrDefault(OutgoingMailStatus.Sent),
            counts.GetValueOrDefault(OutgoingMailStatus.Failed), recent);
    }

    /// <summary>An Admin sends a given-up message again.</summary>
    public async Task RequeueAsync(Guid id, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mail = await db.Set<OutgoingMail>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new DomainException("邮件不存在。");
        mail.Requeue(Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
