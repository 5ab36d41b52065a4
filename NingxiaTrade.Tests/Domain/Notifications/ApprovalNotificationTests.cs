using Microsoft.Extensions.Logging.Abstractions;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>Approvals: the department hears of a request, the project's owner and centre of the decision — nobody else.</summary>
public sealed class ApprovalNotificationTests : IAsyncLifetime
{
    private static readonly string Ndrc = ProjectHarness.SupervisorOf("发展改革委");
    private static readonly string Finance = ProjectHarness.SupervisorOf("财政厅");
    private ProjectHarness _h = null!;

    public async ValueTask InitializeAsync()
    {
        _h = await ProjectHarness.CreateAsync();
        await NotificationKit.GrantHarnessRolesAsync(_h);
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private ProjectWorkflowService Workflow() =>
        new(_h.Database, _h.User, _h.Database.Time, _h.Engine(), _h.Handlers, NullLogger<ProjectWorkflowService>.Instance, NotificationKit.Notifier(_h.Database));

    private async Task FireAsync(Guid id, string trigger)
    {
        var revision = (await _h.ProjectAsync(id)).Revision;
        _h.Act(ProjectHarness.YinchuanClerk);
        await Workflow().FireAsync(id, trigger, revision, "请审批招标公告");
    }

    /// <summary>A tenderer's engineering project whose 招标公告 waits for the 发展改革委.</summary>
    private async Task<(Guid Project, Guid Request)> PendingAsync()
    {
        var id = await _h.RegisterAsync(TradeType.EngineeringBidding, ProjectHarness.TendererId);
        await FireAsync(id, "SubmitPlan");
        await FireAsync(id, "PublishNotice");
        return (id, (await _h.ProjectAsync(id)).PendingApprovalId!.Value);
    }

    private async Task<List<Notification>> OfKindAsync(string user, NotificationKind kind) =>
        (await NotificationKit.ReceivedAsync(_h.Database, user)).Where(n => n.Kind == kind).ToList();

    [Fact]
    public async Task Fire_NeedsApproval_ProjectsDepartmentToldOtherDepartmentNot()
    {
        var (project, _) = await PendingAsync();

        var message = Assert.Single(await OfKindAsync(Ndrc, NotificationKind.ApprovalRequested));
        Assert.Equal("/approvals", message.Link);
        Assert.Contains("请审批", message.Body);
        Assert.Contains((await _h.ProjectAsync(project)).Code, message.Body);
        Assert.Empty(await OfKindAsync(Finance, NotificationKind.ApprovalRequested));
        Assert.Empty(await OfKindAsync(ProjectHarness.TendererId, NotificationKind.ApprovalRequested));
        Assert.Empty(await OfKindAsync(ProjectHarness.YinchuanClerk, NotificationKind.ApprovalRequested));
    }

    [Fact]
    public async Task Decide_Approved_OwnerAndCentreToldOthersNot()
    {
        var (project, request) = await PendingAsync();

        _h.Act(Ndrc);
        await Workflow().DecideAsync(request, approve: true, "同意发布。");

        foreach (var told in new[] { ProjectHarness.TendererId, ProjectHarness.YinchuanClerk })
        {
            var message = Assert.Single(await OfKindAsync(told, NotificationKind.ApprovalDecided));
            Assert.StartsWith("审批通过：", message.Title);
            Assert.Contains("同意发布。", message.Body);
            Assert.Equal($"/projects/{project}", message.Link);
        }
        foreach (var notTold in new[] { ProjectHarness.WuzhongClerk, ProjectHarness.BidderId, Ndrc, Finance })
        {
            Assert.Empty(await OfKindAsync(notTold, NotificationKind.ApprovalDecided));
        }
    }

    [Fact]
    public async Task Decide_Returned_OwnerToldWithTheOpinion()
    {
        var (_, request) = await PendingAsync();

        _h.Act(Ndrc);
        await Workflow().DecideAsync(request, approve: false, "公告缺少资格条件。");

        var message = Assert.Single(await OfKindAsync(ProjectHarness.TendererId, NotificationKind.ApprovalDecided));
        Assert.StartsWith("审批退回：", message.Title);
        Assert.Contains("公告缺少资格条件。", message.Body);
        Assert.Empty(await OfKindAsync(ProjectHarness.WuzhongClerk, NotificationKind.ApprovalDecided));
    }

    [Fact]
    public async Task Decide_Refused_NoMessage()
    {
        var (_, request) = await PendingAsync();

        _h.Act(Finance);
        await Assert.ThrowsAsync<NingxiaTrade.Domain.Accounts.AccessDeniedException>(() => Workflow().DecideAsync(request, approve: true, "同意"));

        Assert.Equal(0, await NotificationKit.CountAsync(_h.Database, NotificationKind.ApprovalDecided));
    }
}
