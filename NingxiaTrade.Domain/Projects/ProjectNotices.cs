using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Projects;

/// <summary>The messages the projects module sends (站内消息, e-mail when configured), written with the change.</summary>
internal static class ProjectNotices
{
    /// <summary>A move that needs approval is waiting: the project's supervising department is told.</summary>
    public static Task ApprovalRequestedAsync(this INotifier? notifier, TradeDbContext db, TradeProject project, ApprovalRequest request,
        CancellationToken cancellationToken) =>
        notifier.TellAsync(db, Recipients.Department(project.SupervisingDepartmentId), NotificationKind.ApprovalRequested,
            $"待审批：{project.Name}",
            $"项目 {project.Code}{LotOf(project, request)}：{request.RequestedBy ?? "项目经办人"}提请“{request.Action}”，请审批。" + (request.RequestNote is { } note ? $"说明：{note}" : ""),
            "/approvals", cancellationToken);

    /// <summary>The department decided: the project's owners and its centre's clerks are told.</summary>
    public static Task ApprovalDecidedAsync(this INotifier? notifier, TradeDbContext db, TradeProject project, ApprovalRequest request,
        CancellationToken cancellationToken)
    {
        var approved = request.Status == ApprovalStatus.Approved;
        return notifier.TellAsync(db, Recipients.Project(project.Id, ProjectParty.Owner | ProjectParty.CentreClerks),
            NotificationKind.ApprovalDecided,
            $"{(approved ? "审批通过" : "审批退回")}：{project.Name}",
            $"项目 {project.Code}{LotOf(project, request)}“{request.Action}”{(approved ? "已获批准" : "被退回")}（{request.DecidedBy}）。审批意见：{request.Opinion}",
            $"/projects/{project.Id}", cancellationToken);
    }

    /// <summary>" 第2标段（二号楼）" when the request concerns one lot, else "".</summary>
    private static string LotOf(TradeProject project, ApprovalRequest request) =>
        request.LotNumber is { } n && project.Lots.FirstOrDefault(l => l.Number == n) is { } lot
            ? " " + FlowSubject.LotLabel(project.TradeType, lot.Number, lot.Name)
            : "";

    /// <summary>A step's period has ended: the people who may take the next step are reminded (the platform never takes it for them).</summary>
    public static Task PeriodEndedAsync(this INotifier? notifier, TradeDbContext db, TradeProject project, string stepName, WorkflowTransition transition,
        CancellationToken cancellationToken) =>
        notifier.TellAsync(db, Recipients.Project(project.Id, ProjectParty.Owner | ProjectParty.CentreClerks), NotificationKind.PeriodEnded,
            $"期限届满：{project.Name}",
            $"项目 {project.Code}“{stepName}”期限已届满，可以办理“{transition.Name}”。是否办理、何时办理由有权办理的单位决定。",
            $"/projects/{project.Id}", cancellationToken);

    /// <summary>A clerk suspended or resumed the project: its owners, clerks and supervisors are told.</summary>
    public static Task SuspensionChangedAsync(this INotifier? notifier, TradeDbContext db, TradeProject project, bool suspended, string text,
        CancellationToken cancellationToken) =>
        notifier.TellAsync(db, Recipients.Project(project.Id), NotificationKind.ProjectSuspended,
            $"{(suspended ? "项目暂停" : "解除暂停")}：{project.Name}",
            $"项目 {project.Code}{(suspended ? "已暂停，暂停期间不得办理任何环节。原因：" : "已解除暂停。说明：")}{text}",
            $"/projects/{project.Id}", cancellationToken);
}
