using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Notifications;

/// <summary>Filters of 我的消息; <see cref="Page"/> is 0-based.</summary>
public sealed record NotificationQuery(bool UnreadOnly = false, NotificationKind? Kind = null, int Page = 0, int PageSize = 20);

public sealed record NotificationRow(Guid Id, NotificationKind Kind, string Title, string Body, string? Link, DateTime CreatedUtc, DateTime? ReadUtc)
{
    public bool IsRead => ReadUtc is not null;
}

/// <summary>
/// 我的消息: the signed-in user's own messages — count, list, read and unread. Every operation is limited to the
/// caller's own messages; another user's message is "not found", whatever id is asked for.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, NotificationSignal signal)
{
    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Notification>().CountAsync(n => n.RecipientUserId == me && n.ReadUtc == null, cancellationToken);
    }

    public async Task<PagedResult<NotificationRow>> ListAsync(NotificationQuery query, CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.RecipientUserId == me);
        if (query.UnreadOnly)
        {
            mine = mine.Where(n => n.ReadUtc == null);
        }
        if (query.Kind is { } kind)
        {
            mine = mine.Where(n => n.Kind == kind);
        }
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.CreatedUtc).ThenBy(n => n.Id)
            .Page(query.Page, query.PageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedUtc, n.ReadUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<NotificationRow>(rows, total);
    }

    /// <summary>The newest unread messages (home panel).</summary>
    public async Task<IReadOnlyList<NotificationRow>> LatestUnreadAsync(int take = 5, CancellationToken cancellationToken = default) =>
        (await ListAsync(new NotificationQuery(UnreadOnly: true, PageSize: take), cancellationToken)).Items;

    /// <summary>Opens a message: marks it read and returns the page it links to (null when it has none).</summary>
    public async Task<string?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var message = await ChangeAsync(id, n => n.MarkRead(Now), cancellationToken);
        return message.Link;
    }

    public Task MarkReadAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, n => n.MarkRead(Now), cancellationToken);

    public Task MarkUnreadAsync(Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, n => n.MarkUnread(), cancellationToken);

    /// <summary>Marks every unread message of the caller read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var me = Me();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unread = await db.Set<Notification>().Where(n => n.RecipientUserId == me && n.ReadUtc == null).ToListAsync(cancellationToken);
        var now = Now;
        foreach (var message in unread)
        {
            message.MarkRead(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise([me]);
        return unread.Count;
    }

    private async Task<Notification> ChangeAsync(Guid id, Func<Notification, bool> change, CancellationToken cancellationToken)
    {
        var me = Me();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.RecipientUserId == me, cancellationToken)
            ?? throw new DomainException("消息不存在或不是发给您的。");
        if (change(message))
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Raise([me]);
        }
        return message;
    }

    private string Me()
    {
        if (!currentUser.IsAuthenticated || string.IsNullOrEmpty(currentUser.UserId))
        {
            throw new AccessDeniedException("请先登录。");
        }
        return currentUser.UserId;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
