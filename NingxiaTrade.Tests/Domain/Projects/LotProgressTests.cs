using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>
/// From the bid deadline on, each lot (标段) of a project moves on its own: the 3-bid rule is counted per lot, one lot is
/// re-tendered alone while its sibling goes on (《招标投标法实施条例》第四十四条), and the project stands where its least
/// advanced lot stands.
/// </summary>
public class LotProgressTests
{
    private const string Rule44 = "《招标投标法实施条例》第四十四条";

    /// <summary>A two-lot engineering project past its document sale, in 投标 with the deadline 2026-12-17 09:00.</summary>
    private static async Task<(ProjectHarness H, Guid Id)> TwoLotsBiddingAsync(RecordingHandler? handler = null)
    {
        var h = await CreateAsync();
        if (handler is not null)
        {
            h.Handlers.Add(handler);
        }
        return (h, await h.EngineeringTwoLotsInBiddingAsync());
    }

    [Fact]
    public async Task EnterBidding_TwoLots_EachLotStartsWithTheProjectsDeadline()
    {
        var (h, id) = await TwoLotsBiddingAsync();
        await using var _ = h;

        var project = await h.ProjectAsync(id);

        Assert.True(project.LotsMoveSeparately);
        Assert.All(project.Lots, l => Assert.Equal("Bidding", l.CurrentStep));
        Assert.All(project.Lots, l => Assert.Equal(project.BidDeadlineUtc, l.BidDeadlineUtc));
        Assert.All(project.Lots, l => Assert.Equal(project.DocumentsIssuedUtc, l.DocumentsIssuedUtc));
        h.Act(YinchuanClerk);
        Assert.Empty(await h.Workflow().ActionsAsync(id));
        var subjects = await h.Workflow().SubjectsAsync(id);
        Assert.Equal([1, 2], subjects.Select(s => s.LotNumber!.Value));
        Assert.Equal("第1标段（一号楼施工）", subjects[0].Label);
    }

    [Fact]
    public async Task Retender_LotWithTwoBids_GoesBackAloneWhileSiblingOpens()
    {
        var handler = new RecordingHandler();
        var (h, id) = await TwoLotsBiddingAsync(handler);
        await using var _ = h;
        h.Facts.Set(id, 1, "bids.count", 2);
        h.Facts.Set(id, 2, "bids.count", 4);
        h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));

        var open1 = await h.LotActionAsync(id, 1, "OpenBids");
        Assert.False(open1.Allowed);
        Assert.Contains($"投标人为2个，少于3个（投标人少于3个的，不得开标，应当重新招标（{Rule44}））", open1.Reasons);
        Assert.True((await h.LotActionAsync(id, 2, "OpenBids")).Allowed);
        Assert.False((await h.LotActionAsync(id, 2, "Retender")).Allowed);

        await h.FireLotAsync(id, 1, "Retender");
        await h.FireLotAsync(id, 2, "OpenBids");

        var project = await h.ProjectAsync(id);
        var lot1 = project.Lots.Single(l => l.Number == 1);
        var lot2 = project.Lots.Single(l => l.Number == 2);
        Assert.Equal("Notice", lot1.CurrentStep);
        Assert.Null(lot1.BidDeadlineUtc);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 17, 9, 0, 0)), lot1.DocumentsIssuedUtc);
        Assert.Equal("Opening", lot2.CurrentStep);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 17, 9, 0, 0)), lot2.BidDeadlineUtc);
        Assert.Equal("Notice", project.CurrentStep); // where its least advanced lot stands
        var history = await h.HistoryAsync(id);
        Assert.Equal((1, "Bidding", "Notice"), (history[^2].LotNumber!.Value, history[^2].FromStep!, history[^2].ToStep));
        Assert.Equal((2, "Bidding", "Opening"), (history[^1].LotNumber!.Value, history[^1].FromStep!, history[^1].ToStep));
        Assert.Equal([1, 2], handler.Changes.TakeLast(2).Select(c => c.LotNumber!.Value));
    }

    [Fact]
    public async Task RetenderedLot_CountsItsOwnDocumentSaleAndTwentyDays()
    {
        var (h, id) = await TwoLotsBiddingAsync();
        await using var _ = h;
        h.Facts.Set(id, 1, "bids.count", 1);
        h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));
        await h.FireLotAsync(id, 1, "Retender");

        // 20 days from 12-17 (the documents issued again): not before 2027-01-06.
        var revision = (await h.ProjectAsync(id)).Revision;
        var early = await Assert.ThrowsAsync<DomainException>(() =>
            h.Workflow().SetBidDeadlineAsync(id, 1, revision, ChinaTime.ToUtc(new DateTime(2027, 1, 5, 9, 0, 0))));
        Assert.Equal("投标截止时间不得早于 2027-01-06 00:00:00（《招标投标法》第二十四条）。", early.Message);
        Assert.Null((await h.ProjectAsync(id)).Lots.Single(l => l.Number == 1).BidDeadlineUtc);
        await h.Workflow().SetBidDeadlineAsync(id, 1, revision, ChinaTime.ToUtc(new DateTime(2027, 1, 6, 9, 0, 0)));
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2027, 1, 6, 9, 0, 0)), (await h.ProjectAsync(id)).Lots.Single(l => l.Number == 1).BidDeadlineUtc);

        // The 5-day document sale of the lot's new round: from 12-18, ends 12-22 24:00.
        h.SetChinaTime(new DateTime(2026, 12, 22, 23, 59, 0));
        var close = await h.LotActionAsync(id, 1, "CloseDocumentSale");
        Assert.False(close.Allowed);
        Assert.Contains(close.Reasons, r => r.Contains("至2026-12-22 24时届满", StringComparison.Ordinal));
        h.SetChinaTime(new DateTime(2026, 12, 23, 0, 0, 0));
        Assert.True((await h.LotActionAsync(id, 1, "CloseDocumentSale")).Allowed);
    }

    [Fact]
    public async Task Fire_WholeProjectOnceLotsSeparate_RefusedNamingTheLots()
    {
        var (h, id) = await TwoLotsBiddingAsync();
        await using var _ = h;
        h.Facts.Set(id, "bids.count", 5);
        h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));
        var before = await h.ProjectAsync(id);

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.FireAsync(id, "OpenBids"));

        Assert.Equal("本项目各标段已分别办理，请在相应标段下办理。", ex.Message);
        var after = await h.ProjectAsync(id);
        Assert.Equal(before.Revision, after.Revision);
        Assert.All(after.Lots, l => Assert.Equal("Bidding", l.CurrentStep));
    }

    [Fact]
    public async Task FireLot_OnSingleLotProject_RefusedTheProjectMovesAsAWhole()
    {
        var h = await CreateAsync();
        await using var _ = h;
        var id = await h.EngineeringInNoticeAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.FireLotAsync(id, 1, "CloseDocumentSale"));

        Assert.Equal("本项目各标段尚未分别办理，请在项目下办理。", ex.Message);
    }

    [Fact]
    public async Task TerminateLot_WaitsForApprovalOfThatLotOnly_SiblingStillOpens()
    {
        var (h, id) = await TwoLotsBiddingAsync();
        await using var _ = h;
        h.Facts.Set(id, "bids.count", 3);
        h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));

        await h.FireLotAsync(id, 1, "Terminate", note: "一号楼方案调整");

        var project = await h.ProjectAsync(id);
        var requestId = project.Lots.Single(l => l.Number == 1).PendingApprovalId!.Value;
        Assert.Null(project.PendingApprovalId);
        Assert.Contains("第1标段（一号楼施工）有事项正在等待行政监督部门审批", (await h.LotActionAsync(id, 1, "OpenBids")).Reasons);
        await h.FireLotAsync(id, 2, "OpenBids");

        h.Act(SupervisorOf(DepartmentOf(TradeType.EngineeringBidding)));
        var inbox = await h.Workflow().InboxAsync();
        Assert.Equal("第1标段（一号楼施工）", inbox.Single(i => i.Request.Id == requestId).LotLabel);
        await h.Workflow().DecideAsync(requestId, approve: true, "同意终止该标段。");

        project = await h.ProjectAsync(id);
        Assert.Equal("Terminated", project.Lots.Single(l => l.Number == 1).CurrentStep);
        Assert.Null(project.Lots.Single(l => l.Number == 1).PendingApprovalId);
        Assert.Equal("Opening", project.CurrentStep); // the open lot leads; a terminated one no longer holds the project back
    }

    [Fact]
    public async Task AllLotsFinal_ProjectIsInAFinalStep()
    {
        var (h, id) = await TwoLotsBiddingAsync();
        await using var _ = h;
        foreach (var lot in new[] { 1, 2 })
        {
            await h.FireLotAsync(id, lot, "Terminate");
            var request = (await h.ProjectAsync(id)).Lots.Single(l => l.Number == lot).PendingApprovalId!.Value;
            h.Act(SupervisorOf(DepartmentOf(TradeType.EngineeringBidding)));
            await h.Workflow().DecideAsync(request, approve: true, "同意终止。");
        }

        Assert.Equal("Terminated", (await h.ProjectAsync(id)).CurrentStep);
    }

    [Fact]
    public async Task Directory_ShowsEachLotsOwnStepAndDeadline()
    {
        var (h, id) = await TwoLotsBiddingAsync();
        await using var _ = h;
        h.Facts.Set(id, 1, "bids.count", 2);
        h.SetChinaTime(new DateTime(2026, 12, 17, 9, 0, 0));
        await h.FireLotAsync(id, 1, "Retender");

        h.Act(YinchuanClerk);
        var summary = await new ProjectDirectory(h.Database, h.User).FindAsync(id);

        Assert.Equal(("Notice", (DateTime?)null), (summary!.Lots[0].CurrentStep, summary.Lots[0].BidDeadlineUtc));
        Assert.Equal(("Bidding", (DateTime?)ChinaTime.ToUtc(new DateTime(2026, 12, 17, 9, 0, 0))), (summary.Lots[1].CurrentStep, summary.Lots[1].BidDeadlineUtc));
    }

    [Fact]
    public async Task RemindDueTimers_LotInCandidatePublicity_RemindsForThatLotOnceWhileSiblingWaits()
    {
        var (h, id) = await TwoLotsBiddingAsync();
        await using var _ = h;
        h.Facts.Set(id, "bids.count", 3);
        h.SetChinaTime(new DateTime(2026, 12, 17, 10, 0, 0));
        await h.FireLotAsync(id, 2, "OpenBids");
        await h.FireLotAsync(id, 2, "StartEvaluation");
        await h.FireLotAsync(id, 2, "PublishCandidates"); // lot 2's publicity: 12-18 … 12-20, ends 24:00 of 12-20

        h.SetChinaTime(new DateTime(2026, 12, 20, 23, 59, 0));
        Assert.Equal(0, await h.Workflow().RemindDueTimersAsync());
        Assert.False((await h.LotActionAsync(id, 2, "IssueAward")).Allowed);

        h.SetChinaTime(new DateTime(2026, 12, 21, 0, 0, 0));
        Assert.Equal(1, await h.Workflow().RemindDueTimersAsync());
        Assert.Equal(0, await h.Workflow().RemindDueTimersAsync());

        var last = (await h.HistoryAsync(id))[^1];
        Assert.Equal(2, last.LotNumber);
        Assert.StartsWith("期限届满提醒：第2标段（二号楼施工）中标候选人公示期满", last.Action);
        Assert.True((await h.LotActionAsync(id, 2, "IssueAward")).Allowed);
        var project = await h.ProjectAsync(id);
        Assert.Equal(["Bidding", "CandidatePublicity"], project.Lots.OrderBy(l => l.Number).Select(l => l.CurrentStep!));
    }

    [Fact]
    public void Validate_LotsFromUnknownOrFinalStep_Faults()
    {
        var body = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        body.LotsFromStep = "Nowhere";
        Assert.Contains("各标段分别办理的起始环节“Nowhere”不存在", WorkflowValidator.Validate(body));
        body.LotsFromStep = "Archived";
        Assert.Contains("各标段分别办理的起始环节“归档”不能是首个环节或结束环节", WorkflowValidator.Validate(body));
    }
}
