using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Notifications.Components;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Notifications;

/// <summary>站内消息: every user's messages (我的消息, the bell, the home panel).</summary>
public sealed class NotificationsModule : IWorkbenchModule
{
    // In the personal group, after 我的工作台.
    public string Group => "个人";
    public int Order => 1;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("我的消息", NotificationLinks.Inbox, Icons.Material.Filled.Notifications, Roles.All, 0),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("未读消息", typeof(LatestNotificationsPanel), Roles.All, 1, 6),
    ];
}

/// <summary>The e-mail channel's outbox, under 系统管理.</summary>
public sealed class MailOutboxModule : IWorkbenchModule
{
    public string Group => "系统管理";
    public int Order => 900;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("邮件通知", NotificationLinks.Outbox, Icons.Material.Filled.Outbox, [Roles.Admin], 6),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } = [];
}

public static class NotificationLinks
{
    public const string Inbox = "/notifications";
    public const string Outbox = "/admin/mail";
}
