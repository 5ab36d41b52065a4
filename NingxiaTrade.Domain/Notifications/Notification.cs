using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Notifications;

/// <summary>What a notification is about; the list shows it as a chip and filters by it.</summary>
public enum NotificationKind
{
    ApprovalRequested = 1,
    ApprovalDecided = 2,
    ExpertInvitation = 3,
    ExpertReplacement = 4,
    EntityReviewDecided = 5,
    RuleReviewDecided = 6,
    CommentPeriodOpened = 7,
    PeriodEnded = 8,
    ProjectSuspended = 9,
    DutyOverdue = 10,
    /// <summary>A question, answer or amendment of tender documents (澄清/修改).</summary>
    Clarification = 21,
}

public static class NotificationKindNames
{
    public static string Chinese(this NotificationKind kind) => kind switch
    {
        NotificationKind.ApprovalRequested => "待审批",
        NotificationKind.ApprovalDecided => "审批结果",
        NotificationKind.ExpertInvitation => "评标邀请",
        NotificationKind.ExpertReplacement => "专家替补",
        NotificationKind.EntityReviewDecided => "登记审核",
        NotificationKind.RuleReviewDecided => "规则审核",
        NotificationKind.CommentPeriodOpened => "征求意见",
        NotificationKind.PeriodEnded => "期限届满",
        NotificationKind.ProjectSuspended => "项目暂停",
        NotificationKind.DutyOverdue => "时限逾期",
        NotificationKind.Clarification => "澄清修改",
    };
}

/// <summary>
/// 站内消息: one message to one user, written in the same transaction as the change it tells of. Only its
/// recipient reads it (<see cref="NotificationInbox"/>); reading it is the one change it allows.
/// </summary>
public class Notification
{
    public const int TitleMax = 100;
    public const int BodyMax = 1000;
    public const int LinkMax = 300;

    private Notification() { }

    internal Notification(string recipientUserId, NotificationKind kind, string title, string body, string? link, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(recipientUserId))
        {
            throw new DomainException("消息须有接收人。");
        }
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("未知的消息类型。");
        }
        Id = Guid.NewGuid();
        RecipientUserId = recipientUserId;
        Kind = kind;
        Title = Clip(title, TitleMax);
        Body = Clip(body, BodyMax);
        Link = NormaliseLink(link);
        CreatedUtc = nowUtc;
        if (Title.Length == 0)
        {
            throw new DomainException("消息标题不能为空。");
        }
    }

    public Guid Id { get; private set; }
    public string RecipientUserId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>The page the message is about: a path inside the workbench (never another site).</summary>
    public string? Link { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? ReadUtc { get; private set; }

    public bool IsRead => ReadUtc is not null;

    /// <summary>Marks the message read; reading it again changes nothing.</summary>
    public bool MarkRead(DateTime nowUtc)
    {
        if (ReadUtc is not null)
        {
            return false;
        }
        ReadUtc = nowUtc;
        return true;
    }

    public bool MarkUnread()
    {
        if (ReadUtc is null)
        {
            return false;
        }
        ReadUtc = null;
        return true;
    }

    /// <summary>
    /// A link must stay inside the workbench: an app-relative path ("/projects/…"). Anything else (another site,
    /// "//host", a scheme) is refused, so a message can never send its reader elsewhere.
    /// </summary>
    public static string? NormaliseLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        link = link.Trim();
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.StartsWith("/\\", StringComparison.Ordinal)
            || link.Length > LinkMax || link.Any(char.IsControl))
        {
            throw new DomainException("消息链接只能指向本平台的页面。");
        }
        return link;
    }

    private static string Clip(string? text, int max)
    {
        text = text?.Trim() ?? "";
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
