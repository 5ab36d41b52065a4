using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Workflows;

/// <summary>Versioned definitions: drafts, publication, and running projects keeping their version.</summary>
public class WorkflowVersioningTests
{
    private const string Engineering = "engineering-bidding";

    /// <summary>An admin publishes version 2 with the document sale period lengthened to 7 days.</summary>
    private static async Task<Guid> PublishLongerSaleAsync(ProjectHarness h)
    {
        h.User.As(Roles.Admin);
        var definitions = h.Definitions();
        var draftId = await definitions.CreateDraftAsync(Engineering);
        var body = (await definitions.GetAsync(draftId)).Body;
        var notice = body.Step("Notice")!;
        notice.MinimumDays = 7;
        notice.LegalBasis = "本省规定招标文件发售期不得少于7日";
        Assert.Empty(await definitions.SaveDraftAsync(draftId, "工程建设项目招标投标流程（2026修订）", body));
        await definitions.PublishAsync(draftId);
        return draftId;
    }

    [Fact]
    public async Task Publish_LongerMinimum_RunningProjectKeepsItsVersionNewProjectTakesNewOne()
    {
        await using var h = await CreateAsync();
        var running = await h.EngineeringInNoticeAsync();
        var v2 = await PublishLongerSaleAsync(h);
        var fresh = await h.EngineeringInNoticeAsync();
        h.Advance(TimeSpan.FromDays(6));

        Assert.NotEqual(v2, (await h.ProjectAsync(running)).WorkflowDefinitionId);
        Assert.Equal(v2, (await h.ProjectAsync(fresh)).WorkflowDefinitionId);
        Assert.True((await h.ActionAsync(running, "CloseDocumentSale")).Allowed);
        var refused = await h.ActionAsync(fresh, "CloseDocumentSale");
        Assert.False(refused.Allowed);
        Assert.Contains(refused.Reasons, r => r.Contains("期限7日") && r.Contains("本省规定"));

        h.Advance(TimeSpan.FromDays(2));
        Assert.True((await h.ActionAsync(fresh, "CloseDocumentSale")).Allowed);
    }

    [Fact]
    public async Task CreateDraft_MarksItLatestAndKeepsPublishedVersionForNewProjects()
    {
        await using var h = await CreateAsync();
        h.User.As(Roles.Admin);
        var draftId = await h.Definitions().CreateDraftAsync(Engineering);

        await using (var db = h.Database.CreateDbContext())
        {
            var versions = await db.WorkflowDefinitions.Where(d => d.DefinitionId == Engineering).OrderBy(d => d.Version).ToListAsync();
            Assert.Equal([(1, true, false), (2, false, true)], versions.Select(v => (v.Version, v.IsPublished, v.IsLatest)));
        }
        var published = await h.Definitions().PublishedAsync();
        Assert.Equal(DefaultWorkflows.All.Count, published.Count);
        Assert.Equal(1, published.Single(d => d.DefinitionId == Engineering).Version);
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        Assert.NotEqual(draftId, (await h.ProjectAsync(id)).WorkflowDefinitionId);
    }

    [Fact]
    public async Task CreateDraft_WhileADraftIsOpen_Refused()
    {
        await using var h = await CreateAsync();
        h.User.As(Roles.Admin);
        await h.Definitions().CreateDraftAsync(Engineering);

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.Definitions().CreateDraftAsync(Engineering));

        Assert.Equal("第 2 版草稿尚未发布，请继续编辑该草稿。", ex.Message);
        await using var db = h.Database.CreateDbContext();
        Assert.Equal(2, await db.WorkflowDefinitions.CountAsync(d => d.DefinitionId == Engineering));
    }

    [Fact]
    public async Task SaveDraft_PublishedVersion_RefusedAndUnchanged()
    {
        await using var h = await CreateAsync();
        var v2 = await PublishLongerSaleAsync(h);
        var body = (await h.Definitions().GetAsync(v2)).Body;
        body.Step("Notice")!.MinimumDays = 1;

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.Definitions().SaveDraftAsync(v2, "改动", body));

        Assert.Equal("第 2 版已发布，不能修改；请新建草稿。", ex.Message);
        Assert.Equal(7, (await h.Definitions().GetAsync(v2)).Body.Step("Notice")!.MinimumDays);
    }

    [Fact]
    public async Task Publish_DraftWithFault_RefusedAndNewProjectsStayOnPublishedVersion()
    {
        await using var h = await CreateAsync();
        h.User.As(Roles.Admin);
        var draftId = await h.Definitions().CreateDraftAsync(Engineering);
        var body = (await h.Definitions().GetAsync(draftId)).Body;
        body.Transitions.First(t => t.Trigger == "Archive").To = "Nowhere";
        var faults = await h.Definitions().SaveDraftAsync(draftId, "有问题的草稿", body);

        Assert.Contains("流转“履约完成，归档”指向不存在的环节“Nowhere”", faults);
        var ex = await Assert.ThrowsAsync<DomainException>(() => h.Definitions().PublishAsync(draftId));
        Assert.Contains("不能发布", ex.Message);
        Assert.True((await h.Definitions().GetAsync(draftId)).IsDraft);
    }

    [Fact]
    public void Compare_ChangedFlow_ListsAddedRemovedStepsAndChangedMinimumsAndRoles()
    {
        var older = DefaultWorkflows.All.Single(d => d.DefinitionId == Engineering).Body;
        var newer = older.Clone();
        newer.Step("Notice")!.MinimumDays = 7;
        newer.Steps.RemoveAll(s => s.Key == "DepositRefund");
        newer.Transitions.RemoveAll(t => t.From == "DepositRefund" || t.To == "DepositRefund");
        newer.Steps.Add(new WorkflowStep { Key = "Clarification", Name = "澄清修改" });
        newer.Transitions.Single(t => t.Trigger == "CloseDocumentSale").Roles = [Roles.CentreClerk, Roles.Agent];

        var differences = WorkflowDefinitionService.Compare(older, newer);

        Assert.Contains(new WorkflowDifference("新增环节", "澄清修改"), differences);
        Assert.Contains(new WorkflowDifference("删除环节", "保证金退还"), differences);
        Assert.Contains(new WorkflowDifference("最短期限", "招标公告（招标文件发售）：5日 → 7日"), differences);
        Assert.Contains(new WorkflowDifference("办理角色", "招标公告（招标文件发售）：招标文件发售期满：交易中心工作人员 → 交易中心工作人员、招标代理机构"), differences);
        Assert.Contains(differences, d => d.Kind == "删除流转" && d.Description.Contains("退还投标保证金"));
        Assert.Empty(WorkflowDefinitionService.Compare(older, older.Clone()));
    }

    [Fact]
    public void Compare_DraftWithDuplicateTrigger_StillListsDifferences()
    {
        var older = DefaultWorkflows.All.Single(d => d.DefinitionId == Engineering).Body;
        var newer = older.Clone();
        newer.Transitions.Add(new WorkflowTransition { Trigger = "SubmitPlan", Name = "再次提交", From = "Registered", To = "Terminated", Roles = [Roles.CentreClerk] });
        newer.Step("Notice")!.MinimumDays = 6;

        var differences = WorkflowDefinitionService.Compare(older, newer);

        Assert.Contains(differences, d => d.Kind == "最短期限");
    }

    [Fact]
    public void Mermaid_DefaultFlow_MarksApprovalsAndMinimums()
    {
        var body = DefaultWorkflows.All.Single(d => d.DefinitionId == Engineering).Body;

        var diagram = WorkflowEngine.Mermaid(body, "Notice");

        Assert.StartsWith("stateDiagram-v2", diagram);
        Assert.Contains("s_PlanApproval --> s_Notice : 【需审批】发布招标公告", diagram);
        Assert.Contains("招标公告（招标文件发售）（期间≥5日）", diagram);
        Assert.Contains("class s_Notice current", diagram);
        Assert.Contains("PublishNotice", WorkflowEngine.StatelessGraph(body));
    }
}
