using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>
/// Each of the five default flows, walked from its first step to a final step through the real services:
/// the right roles fire, the project's supervising department approves the marked transitions, the fake
/// clock passes the statutory periods, and the history and audit chain record every move.
/// </summary>
public class DefaultFlowWalkTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 10, 0, 0);

    [Fact]
    public async Task Fire_EngineeringFlowFromRegistrationToArchive_EveryMoveRecordedAndAudited()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding, asUser: TendererId);
        await h.FireAsync(id, "SubmitPlan", TendererId);
        await h.FireApprovedAsync(id, "PublishNotice", TendererId);
        await h.SetDeadlineAsync(id, Start.AddDays(20).Date.AddHours(9), TendererId);
        h.SetChinaTime(Start.AddDays(6).Date);
        await h.FireAsync(id, "CloseDocumentSale");
        h.SetChinaTime(Start.AddDays(20));
        h.Facts.Set(id, "bids.count", 3);
        await h.FireAsync(id, "OpenBids");
        await h.FireAsync(id, "StartEvaluation");
        await h.FireAsync(id, "PublishCandidates", TendererId);
        h.Advance(TimeSpan.FromDays(4));
        await h.FireAsync(id, "IssueAward", TendererId);
        await h.FireAsync(id, "SignContract", TendererId);
        await h.FireAsync(id, "RefundDeposits");
        await h.FireAsync(id, "StartPerformance", TendererId);
        await h.FireAsync(id, "Archive");

        await AssertWalkedAsync(h, id, "Archived",
            ("Registered", "PlanApproval", "SubmitPlan"), ("PlanApproval", "Notice", "PublishNotice"), ("Notice", "Bidding", "CloseDocumentSale"),
            ("Bidding", "Opening", "OpenBids"), ("Opening", "Evaluation", "StartEvaluation"), ("Evaluation", "CandidatePublicity", "PublishCandidates"),
            ("CandidatePublicity", "AwardNotice", "IssueAward"), ("AwardNotice", "Contract", "SignContract"), ("Contract", "DepositRefund", "RefundDeposits"),
            ("DepositRefund", "Performance", "StartPerformance"), ("Performance", "Archived", "Archive"));
    }

    [Fact]
    public async Task Fire_ProcurementFlowFromIntentionToAcceptance_EveryMoveRecordedAndAudited()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.GovernmentProcurement);
        await h.FireAsync(id, "SubmitPlan");
        await h.FireApprovedAsync(id, "PublishNotice");
        await h.SetDeadlineAsync(id, Start.AddDays(20).Date.AddHours(9));
        h.SetChinaTime(new DateTime(2026, 12, 5, 0, 0, 0)); // 5 working days after Friday 27 November end at 24:00 of 4 December
        await h.FireAsync(id, "CloseNotice");
        h.SetChinaTime(Start.AddDays(20));
        h.Facts.Set(id, "bids.count", 4);
        await h.FireAsync(id, "OpenBids");
        await h.FireAsync(id, "StartEvaluation");
        await h.FireAsync(id, "PublishResult");
        h.Advance(TimeSpan.FromDays(3));
        await h.FireAsync(id, "SignContract");
        await h.FireAsync(id, "PublishContract");
        await h.FireAsync(id, "StartAcceptance");
        await h.FireAsync(id, "Complete");

        await AssertWalkedAsync(h, id, "Completed",
            ("Intention", "Plan", "SubmitPlan"), ("Plan", "Notice", "PublishNotice"), ("Notice", "Bidding", "CloseNotice"),
            ("Bidding", "Opening", "OpenBids"), ("Opening", "Evaluation", "StartEvaluation"), ("Evaluation", "ResultNotice", "PublishResult"),
            ("ResultNotice", "Contract", "SignContract"), ("Contract", "ContractNotice", "PublishContract"),
            ("ContractNotice", "Acceptance", "StartAcceptance"), ("Acceptance", "Completed", "Complete"));
    }

    [Fact]
    public async Task Fire_StateAssetFlowWithTwoQualifiedParties_GoesThroughOnlineBiddingToSettlement()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.StateAssetTransfer);
        await h.FireAsync(id, "SubmitTransfer");
        await h.FireApprovedAsync(id, "Disclose");
        h.SetChinaTime(new DateTime(2026, 12, 26, 0, 0, 0)); // 20 working days after Friday 27 November end at 24:00 of 25 December
        await h.FireAsync(id, "CloseDisclosure");
        h.Facts.Set(id, "bidders.qualified", 2);
        await h.FireAsync(id, "StartBidding");
        await h.FireAsync(id, "CloseBidding");
        await h.FireAsync(id, "SignContract");
        await h.FireAsync(id, "Settle");

        await AssertWalkedAsync(h, id, "Settled",
            ("Application", "Approval", "SubmitTransfer"), ("Approval", "Disclosure", "Disclose"), ("Disclosure", "Qualification", "CloseDisclosure"),
            ("Qualification", "OnlineBidding", "StartBidding"), ("OnlineBidding", "DealNotice", "CloseBidding"),
            ("DealNotice", "Contract", "SignContract"), ("Contract", "Settled", "Settle"));
    }

    [Fact]
    public async Task Fire_LandFlowWithOneValidOffer_DealsAtListingCloseAndSignsContract()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.LandAndMiningRights);
        await h.FireApprovedAsync(id, "PublishNotice");
        h.Advance(TimeSpan.FromDays(20));
        await h.FireAsync(id, "StartListing");
        h.Advance(TimeSpan.FromDays(11));
        h.Facts.Set(id, "bidders.competing", 1);
        h.Facts.Set(id, "offers.valid", 1);
        await h.FireAsync(id, "ListingDeal");
        await h.FireAsync(id, "PublishResult");
        await h.FireAsync(id, "SignContract");

        await AssertWalkedAsync(h, id, "Contract",
            ("Scheme", "Notice", "PublishNotice"), ("Notice", "Listing", "StartListing"), ("Listing", "Confirmation", "ListingDeal"),
            ("Confirmation", "ResultPublicity", "PublishResult"), ("ResultPublicity", "Contract", "SignContract"));
    }

    [Fact]
    public async Task Fire_DrugFlowFromDocumentsToExecution_EveryMoveRecordedAndAudited()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.DrugProcurement);
        await h.FireApprovedAsync(id, "PublishDocuments");
        await h.SetDeadlineAsync(id, Start.AddDays(14).Date.AddHours(9));
        h.SetChinaTime(Start.AddDays(14));
        await h.FireAsync(id, "OpenDeclarations");
        await h.FireAsync(id, "Rank");
        await h.FireAsync(id, "Publicize");
        await h.FireAsync(id, "Confirm");
        await h.FireAsync(id, "Execute");

        await AssertWalkedAsync(h, id, "Execution",
            ("Documents", "Declaration", "PublishDocuments"), ("Declaration", "Opening", "OpenDeclarations"), ("Opening", "Proposed", "Rank"),
            ("Proposed", "Publicity", "Publicize"), ("Publicity", "Result", "Confirm"), ("Result", "Execution", "Execute"));
    }

    [Fact]
    public async Task Decide_Approved_MovesAndRecordsSupervisorOpinion()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        await h.FireAsync(id, "SubmitPlan");
        await h.FireAsync(id, "PublishNotice", note: "招标方案已编制完成");

        var pending = await h.ProjectAsync(id);
        Assert.Equal("PlanApproval", pending.CurrentStep);
        h.Act(SupervisorOf("发展改革委"));
        var inbox = await h.Workflow().InboxAsync();
        var item = Assert.Single(inbox);
        Assert.Equal("招标方案核准/备案", item.FromStepName);
        Assert.Equal("招标公告（招标文件发售）", item.ToStepName);
        Assert.Contains("本项目有事项正在等待行政监督部门审批", (await h.ActionAsync(id, "PublishNotice")).Reasons);

        h.Act(SupervisorOf("发展改革委"));
        await h.Workflow().DecideAsync(item.Request.Id, approve: true, "同意按方案招标");

        var project = await h.ProjectAsync(id);
        Assert.Equal("Notice", project.CurrentStep);
        Assert.Null(project.PendingApprovalId);
        var last = (await h.HistoryAsync(id)).Last();
        Assert.Equal(("PlanApproval", "Notice"), (last.FromStep, last.ToStep));
        Assert.Contains("同意按方案招标", last.Opinion);
        Assert.Equal(SupervisorOf("发展改革委") + "@test.cn", last.UserName);
    }

    [Fact]
    public async Task Decide_Returned_ProjectStaysAndCanBeResubmitted()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        await h.FireAsync(id, "SubmitPlan");
        await h.FireAsync(id, "PublishNotice");
        var requestId = (await h.ProjectAsync(id)).PendingApprovalId!.Value;

        h.Act(SupervisorOf("发展改革委"));
        await h.Workflow().DecideAsync(requestId, approve: false, "招标方案缺少资格条件，请补充");

        var project = await h.ProjectAsync(id);
        Assert.Equal("PlanApproval", project.CurrentStep);
        Assert.Null(project.PendingApprovalId);
        Assert.Contains("审批退回", (await h.HistoryAsync(id)).Last().Action);
        Assert.True((await h.ActionAsync(id, "PublishNotice")).Allowed);
    }

    [Fact]
    public async Task Done_ListsOnlyTheSupervisorsOwnDecisions_NewestFirst()
    {
        await using var h = await CreateAsync();
        var first = await h.RegisterAsync(TradeType.EngineeringBidding);
        var second = await h.RegisterAsync(TradeType.EngineeringBidding);
        foreach (var id in new[] { first, second })
        {
            await h.FireAsync(id, "SubmitPlan");
            await h.FireAsync(id, "PublishNotice");
        }
        h.Act(SupervisorOf("发展改革委"));
        Assert.Equal(0, (await h.Workflow().DoneAsync(0, 20)).TotalCount);
        await h.Workflow().DecideAsync((await h.ProjectAsync(first)).PendingApprovalId!.Value, approve: false, "招标方案缺少资格条件，请补充");
        h.Advance(TimeSpan.FromMinutes(5));
        await h.Workflow().DecideAsync((await h.ProjectAsync(second)).PendingApprovalId!.Value, approve: true, "同意按方案招标");

        var done = await h.Workflow().DoneAsync(0, 20);

        Assert.Equal(2, done.TotalCount);
        Assert.Equal([(second, ApprovalStatus.Approved), (first, ApprovalStatus.Returned)], done.Items.Select(d => (d.ProjectId, d.Status)));
        Assert.Equal("同意按方案招标", done.Items[0].Opinion);
        var onePage = await h.Workflow().DoneAsync(1, 1);
        Assert.Equal((2, first), (onePage.TotalCount, Assert.Single(onePage.Items).ProjectId));

        // Another supervisor's 已办 does not show them.
        h.Act(SupervisorOf("财政厅"));
        Assert.Equal(0, (await h.Workflow().DoneAsync(0, 20)).TotalCount);
    }

    private static async Task AssertWalkedAsync(ProjectHarness h, Guid id, string finalStep, params (string From, string To, string Trigger)[] moves)
    {
        var project = await h.ProjectAsync(id);
        Assert.Equal(finalStep, project.CurrentStep);
        Assert.Null(project.PendingApprovalId);

        var history = await h.HistoryAsync(id);
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(s => s.Sequence));
        Assert.Null(history[0].FromStep);
        Assert.Equal(moves, history.Where(s => s.FromStep is not null && s.FromStep != s.ToStep).Select(s => (s.FromStep!, s.ToStep, s.Trigger!)));
        Assert.All(history, s => Assert.False(string.IsNullOrEmpty(s.UserName)));
        Assert.Contains(history, s => s.Action.StartsWith("提请审批", StringComparison.Ordinal));

        await using var db = h.Database.CreateDbContext();
        var stepIds = history.Select(s => s.Id.ToString()).ToList();
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(ProjectStepRecord)).Select(a => a.EntityKey).ToListAsync();
        Assert.All(stepIds, s => Assert.Contains(audited, a => a.Contains(s, StringComparison.OrdinalIgnoreCase)));
        var projectChanges = await db.AuditEntries.CountAsync(a => a.EntityType == nameof(TradeProject) && a.EntityKey.Contains(id.ToString()));
        Assert.True(projectChanges >= moves.Length + 1, $"every move changes the project in the audit log ({projectChanges} entries)");
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ApprovalRequest)));
    }
}
