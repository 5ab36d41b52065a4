using MudBlazor;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Workbench.Features.Notifications.Components;

public static class NotificationDisplay
{
    public static string Icon(NotificationKind kind) => kind switch
    {
        NotificationKind.ApprovalRequested => Icons.Material.Filled.Pending,
        NotificationKind.ApprovalDecided => Icons.Material.Filled.Gavel,
        NotificationKind.ExpertInvitation => Icons.Material.Filled.MarkEmailUnread,
        NotificationKind.ExpertReplacement => Icons.Material.Filled.PersonSearch,
        NotificationKind.EntityReviewDecided => Icons.Material.Filled.FactCheck,
        NotificationKind.RuleReviewDecided => Icons.Material.Filled.Rule,
        NotificationKind.CommentPeriodOpened => Icons.Material.Filled.Forum,
        NotificationKind.PeriodEnded => Icons.Material.Filled.AlarmOn,
        NotificationKind.ProjectSuspended => Icons.Material.Filled.PauseCircle,
        NotificationKind.DutyOverdue => Icons.Material.Filled.AssignmentLate,
        NotificationKind.Clarification => Icons.Material.Filled.QuestionAnswer,
    };
}
