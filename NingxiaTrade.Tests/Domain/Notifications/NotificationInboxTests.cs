using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>我的消息: each user reads and changes only their own messages.</summary>
public sealed class NotificationInboxTests : IAsyncLifetime
{
    private const string Alice = ProjectHarness.BidderId;
    private const string Bob = ProjectHarness.TendererId;

    private ProjectHarness _h = null!;
    private readonly NotificationSignal _signal = new();
    private TestDatabase Database => _h.Database;

    private NotificationInbox Inbox => new(Database, Database.User, Database.Time, _signal);

    public async ValueTask InitializeAsync()
    {
        _h = await ProjectHarness.CreateAsync();
        _h.Act(ProjectHarness.YinchuanClerk);
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private async Task SendAsync(string to, int count)
    {
        _h.Act(ProjectHarness.YinchuanClerk);
        for (var i = 1; i <= count; i++)
        {
            await using var db = Database.CreateDbContext();
            await NotificationKit.Notifier(Database).NotifyAsync(db, Recipients.Users(to), NotificationKind.ApprovalDecided, $"消息{i}", "正文", $"/projects/{i}");
            await db.SaveChangesAsync();
            _h.Advance(TimeSpan.FromMinutes(1));
        }
    }

    [Fact]
    public async Task List_OwnMessagesOnly_NewestFirstWithPaging()
    {
        await SendAsync(Alice, 25);
        await SendAsync(Bob, 3);
        _h.Act(Alice);

        var first = await Inbox.ListAsync(new NotificationQuery(PageSize: 20));
        var second = await Inbox.ListAsync(new NotificationQuery(Page: 1, PageSize: 20));

        Assert.Equal(25, first.TotalCount);
        Assert.Equal(20, first.Items.Count);
        Assert.Equal("消息25", first.Items[0].Title);
        Assert.Equal(["消息5", "消息4", "消息3", "消息2", "消息1"], second.Items.Select(i => i.Title));
        Assert.Equal(25, await Inbox.UnreadCountAsync());
    }

    [Fact]
    public async Task Open_OwnMessage_MarksReadAndReturnsLink()
    {
        await SendAsync(Alice, 2);
        _h.Act(Alice);
        var rung = new List<string>();
        _signal.Changed += ids => rung.AddRange(ids);
        var row = (await Inbox.ListAsync(new NotificationQuery())).Items.Single(r => r.Title == "消息1");

        var link = await Inbox.OpenAsync(row.Id);

        Assert.Equal("/projects/1", link);
        Assert.Equal(1, await Inbox.UnreadCountAsync());
        Assert.Equal(["消息2"], (await Inbox.ListAsync(new NotificationQuery(UnreadOnly: true))).Items.Select(r => r.Title));
        Assert.Equal([Alice], rung);
        await Inbox.MarkUnreadAsync(row.Id);
        Assert.Equal(2, await Inbox.UnreadCountAsync());
    }

    [Fact]
    public async Task MarkRead_AnotherUsersMessage_RefusedAndUnchanged()
    {
        await SendAsync(Bob, 1);
        _h.Act(Bob);
        var bobs = (await Inbox.ListAsync(new NotificationQuery())).Items.Single().Id;

        _h.Act(Alice);
        var ex = await Assert.ThrowsAsync<NingxiaTrade.Domain.Common.DomainException>(() => Inbox.OpenAsync(bobs));
        Assert.Equal("消息不存在或不是发给您的。", ex.Message);
        await Assert.ThrowsAsync<NingxiaTrade.Domain.Common.DomainException>(() => Inbox.MarkReadAsync(bobs));
        Assert.Equal(0, await Inbox.MarkAllReadAsync());

        Assert.Empty((await Inbox.ListAsync(new NotificationQuery())).Items);
        _h.Act(Bob);
        Assert.Equal(1, await Inbox.UnreadCountAsync());
    }

    [Fact]
    public async Task MarkAllRead_OnlyTheCallersMessages()
    {
        await SendAsync(Alice, 3);
        await SendAsync(Bob, 2);
        _h.Act(Alice);

        Assert.Equal(3, await Inbox.MarkAllReadAsync());

        Assert.Equal(0, await Inbox.UnreadCountAsync());
        _h.Act(Bob);
        Assert.Equal(2, await Inbox.UnreadCountAsync());
    }

    [Fact]
    public async Task UnreadCount_Anonymous_Refused()
    {
        Database.User.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => Inbox.UnreadCountAsync());
    }
}
