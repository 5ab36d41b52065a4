using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>The e-mail channel: the outbox sends through a real SMTP conversation, retries with back-off, gives up, and never keeps the password.</summary>
public sealed class MailOutboxTests : IAsyncLifetime
{
    private const string Password = "Sm7p-Pa55word!";
    private ProjectHarness _h = null!;
    private readonly FakeSmtpServer _smtp = new();
    private TestDatabase Database => _h.Database;
    private NotificationSettings _settings = null!;

    public async ValueTask InitializeAsync()
    {
        _h = await ProjectHarness.CreateAsync();
        _settings = new NotificationSettings
        {
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, From = "平台 <noreply@ggzy.example.gov.cn>", UseTls = false, TimeoutSeconds = 10 },
            Mail = new MailQueueSettings { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(30) },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _h.DisposeAsync();
    }

    private MailOutbox Outbox(IMailSender? sender = null) =>
        new(Database, sender ?? new SmtpMailSender(_settings), _settings, Database.Time, Database.User, NullLogger<MailOutbox>.Instance);

    private async Task QueueAsync(string to = ProjectHarness.BidderId)
    {
        _h.Act(ProjectHarness.YinchuanClerk);
        await using var db = Database.CreateDbContext();
        await NotificationKit.Notifier(Database, _settings).NotifyAsync(db, Recipients.Users(to), NotificationKind.ApprovalDecided,
            "审批通过：某道路工程", "项目“招标公告”已获批准。", "/projects/1");
        await db.SaveChangesAsync();
    }

    private async Task<OutgoingMail> MailAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.OutgoingMails.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task SendDue_ServerAccepts_DeliveredOverSmtpAndMarkedSent()
    {
        await QueueAsync();

        Assert.Equal(1, await Outbox().SendDueAsync());

        var (to, data) = Assert.Single(_smtp.Received);
        Assert.Equal(ProjectHarness.BidderId + "@test.cn", to);
        Assert.Contains("Subject:", data);
        var mail = await MailAsync();
        Assert.Equal((OutgoingMailStatus.Sent, 1), (mail.Status, mail.Attempts));
        Assert.NotNull(mail.SentUtc);
        Assert.Equal(0, await Outbox().SendDueAsync());
        Assert.Single(_smtp.Received);
    }

    [Fact]
    public async Task SendDue_TemporaryFailure_RetriedAfterTheBackOffOnly()
    {
        await QueueAsync();
        _smtp.FailNextTransactions = 1;

        Assert.Equal(0, await Outbox().SendDueAsync());
        var failed = await MailAsync();
        Assert.Equal((OutgoingMailStatus.Pending, 1), (failed.Status, failed.Attempts));
        Assert.Contains("temporarily unavailable", failed.LastError);
        Assert.Equal(Database.Time.GetUtcNow().UtcDateTime.AddMinutes(1), failed.NextAttemptUtc);

        _h.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await Outbox().SendDueAsync());
        Assert.Empty(_smtp.Received);

        _h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Outbox().SendDueAsync());
        Assert.Single(_smtp.Received);
        Assert.Equal((OutgoingMailStatus.Sent, 2), ((await MailAsync()).Status, (await MailAsync()).Attempts));
    }

    [Fact]
    public async Task SendDue_FailsEveryTime_DelayDoublesThenGivenUpUntilAdminRequeues()
    {
        await QueueAsync();
        var broken = new BrokenSender();
        var start = Database.Time.GetUtcNow().UtcDateTime;

        await Outbox(broken).SendDueAsync();
        Assert.Equal(start.AddMinutes(1), (await MailAsync()).NextAttemptUtc);
        _h.Advance(TimeSpan.FromMinutes(1));
        await Outbox(broken).SendDueAsync();
        Assert.Equal(start.AddMinutes(1 + 2), (await MailAsync()).NextAttemptUtc);
        _h.Advance(TimeSpan.FromMinutes(2));
        await Outbox(broken).SendDueAsync();

        var given = await MailAsync();
        Assert.Equal((OutgoingMailStatus.Failed, 3), (given.Status, given.Attempts));
        _h.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await Outbox(broken).SendDueAsync());
        Assert.Equal(3, broken.Calls);

        Database.User.As(Roles.Admin);
        await Outbox().RequeueAsync(given.Id);
        Assert.Equal(1, await Outbox().SendDueAsync());
        Assert.Equal(OutgoingMailStatus.Sent, (await MailAsync()).Status);
    }

    [Fact]
    public async Task Requeue_NotAdminOrNotFailed_RefusedAndUnchanged()
    {
        await QueueAsync();
        var id = (await MailAsync()).Id;
        Database.User.As(Roles.CentreClerk);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Outbox().RequeueAsync(id));
        Database.User.As(Roles.Admin);
        var ex = await Assert.ThrowsAsync<DomainException>(() => Outbox().RequeueAsync(id));
        Assert.Equal("只有发送失败的邮件可以重新发送。", ex.Message);
        Assert.Equal((OutgoingMailStatus.Pending, 0), ((await MailAsync()).Status, (await MailAsync()).Attempts));
    }

    [Fact]
    public async Task SendDue_LoginRefused_PasswordInNoRecordErrorOrPage()
    {
        _settings.Smtp.User = "noreply";
        _settings.Smtp.Password = Password;
        _smtp.RefuseLogin = true;
        await QueueAsync();

        Assert.Equal(0, await Outbox().SendDueAsync());

        Assert.NotEmpty(_smtp.Logins);
        var mail = await MailAsync();
        Assert.Equal(1, mail.Attempts);
        Assert.NotNull(mail.LastError);
        Assert.DoesNotContain(Password, mail.LastError);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Changes.Contains(Password)));
        Database.User.As(Roles.Admin);
        var overview = await Outbox().OverviewAsync();
        Assert.DoesNotContain(Password, overview.Server);
        Assert.Contains("密码已设置", overview.Server);
        Assert.DoesNotContain(Password, _settings.Smtp.ToString());
    }

    [Fact]
    public void Scrub_ServerEchoesThePassword_Masked()
    {
        _settings.Smtp.Password = Password;
        Assert.Equal("535 bad credentials ****** for noreply", _settings.Smtp.Scrub($"535 bad credentials {Password} for noreply"));
    }

    [Fact]
    public async Task SendDue_SmtpNotConfigured_NothingSent()
    {
        await QueueAsync();
        _settings.Smtp.Host = null;

        Assert.Equal(0, await Outbox().SendDueAsync());

        Assert.Empty(_smtp.Received);
        Assert.Equal((OutgoingMailStatus.Pending, 0), ((await MailAsync()).Status, (await MailAsync()).Attempts));
    }

    private sealed class BrokenSender : IMailSender
    {
        public int Calls { get; private set; }

        public Task SendAsync(MailMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            throw new IOException("Connection refused");
        }
    }
}
