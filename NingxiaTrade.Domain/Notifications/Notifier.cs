using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Notifications;

/// <summary>
/// The one way a module tells people something (站内消息, and e-mail when SMTP is configured). The messages are
/// added to the caller's context, so they are saved — and audited — in the same transaction as the change they
/// tell of, or not at all.
/// </summary>
public interface INotifier
{
    /// <summary>
    /// Adds one message per recipient account (the acting user excepted) to <paramref name="db"/>; the caller's
    /// <c>SaveChanges</c> writes them. Returns how many accounts will receive it.
    /// </summary>
    Task<int> NotifyAsync(TradeDbContext db, Recipients recipients, NotificationKind kind, string title, string body, string? link,
        CancellationToken cancellationToken = default);
}

/// <summary>
/// In-process signal that a user's messages changed (new, read): the app bar's bell listens and refreshes at once.
/// One instance per app; across several instances the bell's periodic refresh covers the rest.
/// </summary>
public sealed class NotificationSignal
{
    public event Action<IReadOnlyCollection<string>>? Changed;

    public void Raise(IReadOnlyCollection<string> userIds)
    {
        if (userIds.Count == 0 || Changed is not { } changed)
        {
            return;
        }
        foreach (var listener in changed.GetInvocationList().Cast<Action<IReadOnlyCollection<string>>>())
        {
            try
            {
                listener(userIds);
            }
            catch (Exception)
            {
                // A listener that failed (a closed circuit) must not stop the others or the change that raised it.
            }
        }
    }
}

public sealed class Notifier(IProjectParticipants projects, NotificationSignal signal, NotificationSettings settings, ICurrentUser actor, TimeProvider time)
    : INotifier
{
    /// <summary>Recipients waiting for their context's save, so the bell rings only after the commit.</summary>
    private static readonly ConditionalWeakTable<TradeDbContext, HashSet<string>> Unsaved = new();

    public async Task<int> NotifyAsync(TradeDbContext db, Recipients recipients, NotificationKind kind, string title, string body, string? link,
        CancellationToken cancellationToken = default)
    {
        var users = await ResolveAsync(db, recipients, cancellationToken);
        users.Remove(actor.UserId ?? "");
        if (users.Count == 0)
        {
            return 0;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var messages = users.Order(StringComparer.Ordinal).Select(u => new Notification(u, kind, title, body, link, now)).ToList();
        db.Set<Notification>().AddRange(messages);
        if (settings.Smtp.IsConfigured)
        {
            var addresses = await db.Users.AsNoTracking().Where(u => users.Contains(u.Id) && u.Email != null && u.Email != "")
                .Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email!, cancellationToken);
            db.Set<OutgoingMail>().AddRange(messages.Where(m => addresses.ContainsKey(m.RecipientUserId))
                .Select(m => new OutgoingMail(m.Id, addresses[m.RecipientUserId], "【宁夏公共资源交易平台】" + m.Title, MailBody(m), now)));
        }
        RingAfterSave(db, users);
        return users.Count;
    }

    private string MailBody(Notification message)
    {
        var text = message.Body;
        if (message.Link is { } link)
        {
            text += settings.Mail.BaseUrl is { Length: > 0 } baseUrl
                ? $"\n\n查看详情：{baseUrl.TrimEnd('/')}{link}"
                : "\n\n请登录宁夏公共资源交易平台，在“我的消息”中查看详情。";
        }
        return text + "\n\n（本邮件由平台自动发送，请勿回复。）";
    }

    private void RingAfterSave(TradeDbContext db, IEnumerable<string> users)
    {
        var unsaved = Unsaved.GetValue(db, context =>
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            context.SavedChanges += (_, _) =>
            {
                string[] ring;
                lock (set)
                {
                    ring = [.. set];
                    set.Clear();
                }
                signal.Raise(ring);
            };
            return set;
        });
        lock (unsaved)
        {
            unsaved.UnionWith(users);
        }
    }

    /// <summary>The accounts <paramref name="recipients"/> stands for, as of now.</summary>
    public async Task<HashSet<string>> ResolveAsync(TradeDbContext db, Recipients recipients, CancellationToken cancellationToken = default)
    {
        var members = recipients.Members.ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (recipients.UserIds.Count > 0)
        {
            var wanted = recipients.UserIds.ToList();
            ids.UnionWith(await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken));
        }
        foreach (var (projectId, parties) in recipients.Projects)
        {
            if (await projects.FindAsync(db, projectId, cancellationToken) is not { } project)
            {
                continue;
            }
            if (parties.HasFlag(ProjectParty.Owner))
            {
                var owners = new[] { project.TendererUserId, project.AgentUserId }.Where(id => id is not null).Select(id => id!).ToList();
                ids.UnionWith(await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken));
            }
            if (parties.HasFlag(ProjectParty.CentreClerks))
            {
                members.Add(new OrganisationMembers(Roles.CentreClerk, TradingCentreId: project.TradingCentreId));
            }
            if (parties.HasFlag(ProjectParty.Supervisors))
            {
                members.Add(new OrganisationMembers(Roles.Supervisor, SupervisingDepartmentId: project.SupervisingDepartmentId));
            }
        }
        foreach (var group in members.Distinct())
        {
            ids.UnionWith(await MembersOf(db, group).ToListAsync(cancellationToken));
        }
        return ids;
    }

    private static IQueryable<string> MembersOf(TradeDbContext db, OrganisationMembers group)
    {
        var users = db.Users.AsNoTracking();
        if (group.TradingCentreId is { } centre)
        {
            users = users.Where(u => u.TradingCentreId == centre);
        }
        if (group.SupervisingDepartmentId is { } department)
        {
            users = users.Where(u => u.SupervisingDepartmentId == department);
        }
        if (group.MarketEntityId is { } entity)
        {
            users = users.Where(u => u.MarketEntityId == entity);
        }
        if (group.ExpertId is { } expert)
        {
            users = users.Where(u => u.ExpertId == expert);
        }
        if (group is { TradingCentreId: null, SupervisingDepartmentId: null, MarketEntityId: null, ExpertId: null })
        {
            // A role alone would reach every account of the region: refused, a message needs an organisation.
            return users.Where(_ => false).Select(u => u.Id);
        }
        if (group.Role is { } role)
        {
            users = from u in users
                    join ur in db.UserRoles on u.Id equals ur.UserId
                    join r in db.Roles on ur.RoleId equals r.Id
                    where r.Name == role
                    select u;
        }
        return users.Select(u => u.Id).Distinct();
    }
}

/// <summary>
/// The services take the notifier as an optional last constructor argument, so code that builds a service by hand
/// (tests of other behaviour, tools) needs none; the app always supplies it.
/// </summary>
public static class NotifierExtensions
{
    public static Task<int> TellAsync(this INotifier? notifier, TradeDbContext db, Recipients recipients, NotificationKind kind, string title,
        string body, string? link, CancellationToken cancellationToken = default) =>
        notifier?.NotifyAsync(db, recipients, kind, title, body, link, cancellationToken) ?? Task.FromResult(0);
}
