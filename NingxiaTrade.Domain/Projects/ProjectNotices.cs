using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.Projects;

/// <summary>The messages the projects module sends (站内消息, e-mail when configured), written with the change.</summary>
internal static class ProjectNotices
{
    /// <summary>A move that needs approval is waiting: the project's supervising department is told.</summary>
    public static Task ApprovalRequestedAsync(this INotifier? notifier, TradeDbContext db, TradeProject project, ApprovalRequest request,
        CancellationToken cancellationToken) =>
        notifier.TellAsync(db, Recipients.Department(project.SupervisingDepartmentId), NotificationKind.ApprovalRequested,
            $"待审批：{project.Name}",
            $"项目 {project.Code}：{request.RequestedBy ?? "项目经办人"}提请“{request.Action}”，请审批。" + (request.RequestNote is { } note ? $"说明：{note}" : ""),
            "/approvals", cancellationToken);

    /// <summary>The department decided: the project's owners and its centre's clerks are told.</summary>
    public static Task ApprovalDecidedAsync(this INotifier? notifier, TradeDbContext db, TradeProject project, ApprovalRequest request,
        CancellationToken cancellationToken)
    {
        var approved = request.Status == ApprovalStatus.Approved;
        return notifier.TellAsync(db, Recipients.Project(project.Id, ProjectParty.Owner | ProjectParty.CentreClerks),
            NotificationKind.ApprovalDecided,
            $"{(approved ? "审批通过" : "审批退回")}：{project.Name}",
            $"项目 {project.Code}“{request.Action}”{(approved ? "已获批准" : "被退回")}（{request.DecidedBy}）。审批意见：{request.Opinion}",
            $"/projects/{project.Id}", cancellationToken);
    }
}
