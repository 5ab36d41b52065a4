using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>Who a notification reaches, that it is written with the change (audited, or not at all), and its e-mail copy.</summary>
public sealed class NotifierTests : IAsyncLifetime
{
    private ProjectHarness _h = null!;
    private TestDatabase Database => _h.Database;

    public async ValueTask InitializeAsync()
    {
        _h = await ProjectHarness.CreateAsync();
        await NotificationKit.GrantHarnessRolesAsync(_h);
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private async Task<HashSet<string>> ResolveAsync(Recipients recipients)
    {
        await using var db = Database.CreateDbContext();
        return await NotificationKit.Notifier(Database).ResolveAsync(db, recipients);
    }

    [Fact]
    public async Task Resolve_CentreClerks_OnlyThatCentresClerks()
    {
        var ids = await ResolveAsync(Recipients.Centre(_h.Centres["640100"]));
        Assert.Equal([ProjectHarness.YinchuanClerk], ids);
    }

    [Fact]
    public async Task Resolve_DepartmentWithOtherRole_NobodyOfTheWrongRole()
    {
        var department = _h.Departments["财政厅"];
        Assert.Equal([ProjectHarness.SupervisorOf("财政厅")], await ResolveAsync(Recipients.Department(department)));
        Assert.Empty(await ResolveAsync(Recipients.Department(department, Roles.LegalOfficer)));
    }

    [Fact]
    public async Task Resolve_ProjectParticipants_OwnerCentreAndDepartmentOnly()
    {
        var id = await _h.RegisterAsync(TradeType.EngineeringBidding, ProjectHarness.TendererId);

        var all = await ResolveAsync(Recipients.Project(id));
        var owners = await ResolveAsync(Recipients.Project(id, ProjectParty.Owner));

        Assert.Equal(new HashSet<string> { ProjectHarness.TendererId, ProjectHarness.YinchuanClerk, ProjectHarness.SupervisorOf("发展改革委") }, all);
        Assert.Equal([ProjectHarness.TendererId], owners);
    }

    [Fact]
    public async Task Resolve_UnknownUserAndBareRole_Nobody()
    {
        Assert.Empty(await ResolveAsync(Recipients.Users("no-such-user", null, "")));
        Assert.Empty(await ResolveAsync(Recipients.Project(Guid.NewGuid())));
    }

    [Fact]
    public async Task Notify_SavedWithTheChange_AuditedAndNotForTheActor()
    {
        _h.Act(ProjectHarness.YinchuanClerk);
        await using (var db = Database.CreateDbContext())
        {
            var count = await NotificationKit.Notifier(Database).NotifyAsync(db, Recipients.Centre(_h.Centres["640100"]).And(Recipients.Users(ProjectHarness.BidderId)),
                NotificationKind.ApprovalDecided, "审批通过：测试项目", "正文", "/projects");
            Assert.Equal(1, count);
            await db.SaveChangesAsync();
        }
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, ProjectHarness.YinchuanClerk));
        var message = Assert.Single(await NotificationKit.ReceivedAsync(Database, ProjectHarness.BidderId));
        Assert.Equal(("审批通过：测试项目", "/projects", false), (message.Title, message.Link, message.IsRead));
        await using var check = Database.CreateDbContext();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == nameof(Notification) && a.EntityKey == message.Id.ToString() && a.Action == "Added"));
    }

    [Fact]
    public async Task Notify_ChangeNotSaved_NoMessageAndNoSignal()
    {
        var signal = new NotificationSignal();
        var rung = new List<string>();
        signal.Changed += ids => rung.AddRange(ids);
        await using (var db = Database.CreateDbContext())
        {
            await NotificationKit.Notifier(Database, signal: signal).NotifyAsync(db, Recipients.Users(ProjectHarness.BidderId),
                NotificationKind.ApprovalDecided, "标题", "正文", null);
            // the raising operation fails before its SaveChanges
        }
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, ProjectHarness.BidderId));
        Assert.Empty(rung);
    }

    [Fact]
    public async Task Notify_Saved_SignalsTheRecipientsAfterTheSave()
    {
        var signal = new NotificationSignal();
        var rung = new List<string>();
        signal.Changed += ids => rung.AddRange(ids);
        await using var db = Database.CreateDbContext();
        await NotificationKit.Notifier(Database, signal: signal).NotifyAsync(db, Recipients.Users(ProjectHarness.BidderId, ProjectHarness.TendererId),
            NotificationKind.ApprovalDecided, "标题", "正文", null);
        Assert.Empty(rung);
        await db.SaveChangesAsync();
        Assert.Equal([ProjectHarness.BidderId, ProjectHarness.TendererId], rung.Order());
    }

    [Theory]
    [InlineData("https://evil.example/login")]
    [InlineData("//evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    public async Task Notify_LinkOutsideTheApp_RefusedAndNothingWritten(string link)
    {
        await using (var db = Database.CreateDbContext())
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => NotificationKit.Notifier(Database).NotifyAsync(db, Recipients.Users(ProjectHarness.BidderId),
                NotificationKind.ApprovalDecided, "标题", "正文", link));
            Assert.Equal("消息链接只能指向本平台的页面。", ex.Message);
            await db.SaveChangesAsync();
        }
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, ProjectHarness.BidderId));
    }

    [Fact]
    public async Task Notify_SmtpNotConfigured_InAppOnly()
    {
        await using (var db = Database.CreateDbContext())
        {
            await NotificationKit.Notifier(Database).NotifyAsync(db, Recipients.Users(ProjectHarness.BidderId), NotificationKind.ApprovalDecided, "标题", "正文", "/projects");
            await db.SaveChangesAsync();
        }
        await using var check = Database.CreateDbContext();
        Assert.Equal(1, await check.Notifications.CountAsync());
        Assert.Equal(0, await check.OutgoingMails.CountAsync());
    }

    [Fact]
    public async Task Notify_SmtpConfigured_QueuesOneMailPerRecipientWithTheLink()
    {
        var settings = new NotificationSettings
        {
            Smtp = new SmtpSettings { Host = "smtp.example.gov.cn", From = "noreply@example.gov.cn", Password = "Sm7pSecret!" },
            Mail = new MailQueueSettings { BaseUrl = "https://ggzy.example.gov.cn/" },
        };
        await using (var db = Database.CreateDbContext())
        {
            await NotificationKit.Notifier(Database, settings).NotifyAsync(db, Recipients.Users(ProjectHarness.BidderId, ProjectHarness.TendererId),
                NotificationKind.ApprovalDecided, "审批通过：某项目", "正文", "/projects/1");
            await db.SaveChangesAsync();
        }
        await using var check = Database.CreateDbContext();
        var mails = await check.OutgoingMails.OrderBy(m => m.ToAddress).ToListAsync();
        Assert.Equal([ProjectHarness.BidderId + "@test.cn", ProjectHarness.TendererId + "@test.cn"], mails.Select(m => m.ToAddress));
        Assert.All(mails, m => Assert.Equal(OutgoingMailStatus.Pending, m.Status));
        Assert.All(mails, m => Assert.Contains("https://ggzy.example.gov.cn/projects/1", m.Body));
        Assert.Equal("【宁夏公共资源交易平台】审批通过：某项目", mails[0].Subject);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Changes.Contains("Sm7pSecret!")));
    }
}
