using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>Who may do what is checked in the services, whatever the screens hide.</summary>
public class ProjectAccessTests
{
    [Fact]
    public async Task Fire_RoleOutsideTransition_RefusedNamingTheRolesAndNothingChanges()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId);
        await h.FireAsync(id, "SubmitPlan", TendererId);
        await h.FireApprovedAsync(id, "PublishNotice", TendererId);
        h.Advance(TimeSpan.FromDays(6));
        var before = await h.ProjectAsync(id);
        var historyBefore = (await h.HistoryAsync(id)).Count;

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.FireAsync(id, "CloseDocumentSale", TendererId));

        Assert.Equal("不能“招标文件发售期满”：只有交易中心工作人员可以办理。", ex.Message);
        var after = await h.ProjectAsync(id);
        Assert.Equal((before.CurrentStep, before.Revision), (after.CurrentStep, after.Revision));
        Assert.Equal(historyBefore, (await h.HistoryAsync(id)).Count);
        Assert.True((await h.ActionAsync(id, "CloseDocumentSale", YinchuanClerk)).Allowed);
    }

    [Fact]
    public async Task Fire_AdminOnOwnersTransition_RefusedWithEveryAllowedRole()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        var revision = (await h.ProjectAsync(id)).Revision;
        h.User.As(Roles.Admin);

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.Workflow().FireAsync(id, "SubmitPlan", revision));

        Assert.Contains("只有交易中心工作人员、招标人/采购人、招标代理机构可以办理", ex.Message);
    }

    [Fact]
    public async Task Decide_SupervisorOfAnotherDepartment_RefusedAndRequestStaysPending()
    {
        await using var h = await CreateAsync();
        var (id, requestId) = await h.EngineeringPlanPendingAsync();
        h.Act(SupervisorOf("财政厅"));

        Assert.Empty(await h.Workflow().InboxAsync());
        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => h.Workflow().DecideAsync(requestId, true, "同意"));

        Assert.Equal("该事项不属于本部门审批。", ex.Message);
        await using var db = h.Database.CreateDbContext();
        Assert.Equal(ApprovalStatus.Pending, (await db.ApprovalRequests.SingleAsync(a => a.Id == requestId)).Status);
        Assert.Equal("PlanApproval", (await h.ProjectAsync(id)).CurrentStep);
    }

    [Fact]
    public async Task Decide_ByClerk_AccessDenied()
    {
        await using var h = await CreateAsync();
        var (_, requestId) = await h.EngineeringPlanPendingAsync();
        h.Act(YinchuanClerk);

        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Workflow().DecideAsync(requestId, true, "同意"));
    }

    [Fact]
    public async Task GetAndActions_Bidder_AccessDenied()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        h.Act(BidderId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Registration().GetAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Registration().ListAsync(new ProjectQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Workflow().ActionsAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Workflow().FireAsync(id, "SubmitPlan", 0));
    }

    [Fact]
    public async Task Get_ClerkOfAnotherCity_CannotSeeOrFireButRegionalClerkCan()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        h.Act(WuzhongClerk);

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.Registration().GetAsync(id));
        Assert.Equal("项目不存在或您无权查看。", ex.Message);
        Assert.Equal(0, (await h.Registration().ListAsync(new ProjectQuery())).TotalCount);
        await Assert.ThrowsAsync<DomainException>(() => h.Workflow().FireAsync(id, "SubmitPlan", 0));
        Assert.Equal("Registered", (await h.ProjectAsync(id)).CurrentStep);

        h.Act(RegionalClerk);
        Assert.Equal(id, (await h.Registration().GetAsync(id)).Project.Id);
        h.Act(YinchuanClerk);
        Assert.Equal(1, (await h.Registration().ListAsync(new ProjectQuery())).TotalCount);
    }

    [Fact]
    public async Task Get_TendererWhoDoesNotOwnTheProject_CannotSee()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        h.Act(TendererId);

        await Assert.ThrowsAsync<DomainException>(() => h.Registration().GetAsync(id));
    }

    [Fact]
    public async Task CreateDraft_ClerkWithoutDesignerPermission_AccessDeniedButWithItAllowed()
    {
        await using var h = await CreateAsync();
        h.Act(YinchuanClerk);

        var ex = await Assert.ThrowsAsync<AccessDeniedException>(() => h.Definitions().CreateDraftAsync("engineering-bidding"));
        Assert.Contains("流程设计权限", ex.Message);

        h.Act(YinchuanClerk, WorkflowDefinitionService.DesignerPermission);
        var draftId = await h.Definitions().CreateDraftAsync("engineering-bidding");
        Assert.Equal(2, (await h.Definitions().GetAsync(draftId)).Version);
    }

    [Fact]
    public async Task CreateDraft_TendererEvenWithPermissionClaim_AccessDenied()
    {
        await using var h = await CreateAsync();
        h.Act(TendererId, WorkflowDefinitionService.DesignerPermission);

        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Definitions().CreateDraftAsync("engineering-bidding"));
    }
}
