using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Tests.Domain.Notifications;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Notifications.Components;
using NingxiaTrade.Workbench.Features.Notifications.Pages;

namespace NingxiaTrade.Tests.Features.Notifications;

/// <summary>The bell's live count and 我的消息, rendered with bUnit over a real database as the bidder.</summary>
public sealed class NotificationComponentTests : BunitContext, IAsyncLifetime
{
    private const string Me = ProjectHarness.BidderId;
    private ProjectHarness _h = null!;
    private readonly NotificationSignal _signal = new();

    public async ValueTask InitializeAsync()
    {
        _h = await ProjectHarness.CreateAsync();
        _h.Act(Me);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton(_signal);
        Services.AddSingleton<ICurrentUser>(_h.User);
        Services.AddSingleton(new NotificationInbox(_h.Database, _h.User, _h.Database.Time, _signal));
        AddAuthorization().SetAuthorized(Me + "@test.cn").SetClaims(new Claim(ClaimTypes.NameIdentifier, Me));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _h.DisposeAsync();
    }

    /// <summary>A clerk's action sends a message, through the real notifier and the shared signal.</summary>
    private async Task SendAsync(string to, string title, string link = "/projects")
    {
        var acting = new TestUser().As(Roles.CentreClerk);
        await using var db = _h.Database.CreateDbContext();
        await new Notifier(new NingxiaTrade.Domain.Projects.ProjectParticipants(), _signal, new NotificationSettings(), acting, _h.Database.Time)
            .NotifyAsync(db, Recipients.Users(to), NotificationKind.ApprovalDecided, title, "正文", link);
        await db.SaveChangesAsync();
    }

    private static string Unread(IRenderedComponent<NotificationBell> bell) => bell.Find(".notification-bell").GetAttribute("data-unread") ?? "";

    [Fact]
    public async Task Bell_MessageForMe_CountRisesLiveAndFallsWhenRead()
    {
        var bell = Render<NotificationBell>();
        Assert.Equal("0", Unread(bell));

        await SendAsync(Me, "审批通过：一号项目");
        bell.WaitForAssertion(() => Assert.Equal("1", Unread(bell)));

        await SendAsync(ProjectHarness.TendererId, "别人的消息");
        await SendAsync(Me, "审批通过：二号项目");
        bell.WaitForAssertion(() => Assert.Equal("2", Unread(bell)));
        Assert.Contains("我的消息（2 条未读）", bell.Markup);

        await Services.GetRequiredService<NotificationInbox>().MarkAllReadAsync();
        bell.WaitForAssertion(() => Assert.Equal("0", Unread(bell)));
    }

    [Fact]
    public async Task Page_MarkOneThenAllRead_ListFollows()
    {
        await SendAsync(Me, "消息一");
        await SendAsync(Me, "消息二");
        await SendAsync(Me, "消息三");
        await SendAsync(ProjectHarness.TendererId, "不该看到的消息");

        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.notification-row.unread").Count));
        Assert.DoesNotContain("不该看到的消息", page.Markup);

        page.FindAll(".mark-read")[0].Click();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.notification-row.unread").Count));
        Assert.Single(page.FindAll("tr.notification-row.read"));

        page.Find("#mark-all-read button, button#mark-all-read").Click();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tr.notification-row.read").Count));
        Assert.Equal(0, await Services.GetRequiredService<NotificationInbox>().UnreadCountAsync());
    }

    [Fact]
    public async Task Page_OpenMessage_GoesToItsPageAndMarksRead()
    {
        await SendAsync(Me, "审批通过：一号项目", "/projects/00000000-0000-0000-0000-000000000001");

        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".notification-title")));
        page.Find(".notification-title").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("/projects/00000000-0000-0000-0000-000000000001", navigation.Uri));
        Assert.Equal(0, await Services.GetRequiredService<NotificationInbox>().UnreadCountAsync());
    }

    [Fact]
    public async Task Panel_ShowsLatestUnreadOnly()
    {
        await SendAsync(Me, "消息一");
        await SendAsync(Me, "消息二");
        var inbox = Services.GetRequiredService<NotificationInbox>();
        var first = (await inbox.ListAsync(new NotificationQuery())).Items.Single(i => i.Title == "消息一");
        await inbox.MarkReadAsync(first.Id);

        var panel = Render<LatestNotificationsPanel>();

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".latest-notification")));
        Assert.Contains("消息二", panel.Markup);
        Assert.DoesNotContain("消息一", panel.Markup);
    }
}
