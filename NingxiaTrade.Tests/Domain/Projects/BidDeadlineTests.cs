using NingxiaTrade.Domain.Common;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>The bid deadline (投标截止时间) and the periods of the project's current step, at the service.</summary>
public class BidDeadlineTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 10, 0, 0);

    private static async Task<(ProjectHarness H, Guid Id)> InNoticeAsync(TradeType type = TradeType.EngineeringBidding)
    {
        var h = await CreateAsync();
        if (type == TradeType.EngineeringBidding)
        {
            return (h, await h.EngineeringInNoticeAsync());
        }
        var id = await h.RegisterAsync(type);
        await h.FireAsync(id, "SubmitPlan");
        await h.FireApprovedAsync(id, "PublishNotice");
        return (h, id);
    }

    [Theory]
    [InlineData(TradeType.EngineeringBidding, "《招标投标法》第二十四条")]
    [InlineData(TradeType.GovernmentProcurement, "《政府采购法》第三十五条")]
    public async Task SetBidDeadline_EarlierThanTwentyDaysAfterNotice_RefusedWithBasisAndNothingSaved(TradeType type, string basis)
    {
        var (h, id) = await InNoticeAsync(type);
        await using var _ = h;
        var revision = (await h.ProjectAsync(id)).Revision;
        var historyBefore = (await h.HistoryAsync(id)).Count;

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.SetDeadlineAsync(id, new DateTime(2026, 12, 16, 23, 59, 0)));

        Assert.Equal($"投标截止时间不得早于 2026-12-17 00:00:00（{basis}）。", ex.Message);
        var project = await h.ProjectAsync(id);
        Assert.Null(project.BidDeadlineUtc);
        Assert.Equal(revision, project.Revision);
        Assert.Equal(historyBefore, (await h.HistoryAsync(id)).Count);
    }

    [Fact]
    public async Task SetBidDeadline_OnTwentiethDay_SavedAndRecordedInHistory()
    {
        var (h, id) = await InNoticeAsync();
        await using var _ = h;

        await h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0));

        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 17, 9, 0, 0)), (await h.ProjectAsync(id)).BidDeadlineUtc);
        Assert.Contains("设定投标截止时间：2026-12-17 09:00:00", (await h.HistoryAsync(id)).Last().Action);
    }

    [Fact]
    public async Task SetBidDeadline_InThePast_Refused()
    {
        var (h, id) = await InNoticeAsync();
        await using var _ = h;
        h.SetChinaTime(Start.AddDays(30));

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.SetDeadlineAsync(id, Start.AddDays(25)));

        Assert.Contains("晚于当前时间", ex.Message);
    }

    [Fact]
    public async Task SetBidDeadline_DuringDocumentSale_DoesNotRestartTheStepPeriods()
    {
        var (h, id) = await InNoticeAsync();
        await using var _ = h;
        h.SetChinaTime(Start.AddDays(3));
        await h.SetDeadlineAsync(id, new DateTime(2026, 12, 18, 9, 0, 0));

        // A second change counts from the notice again, not from the first change.
        await h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0));
        h.SetChinaTime(Start.AddDays(6).Date);

        Assert.True((await h.ActionAsync(id, "CloseDocumentSale")).Allowed);
        await h.FireAsync(id, "CloseDocumentSale");
        Assert.Equal("Bidding", (await h.ProjectAsync(id)).CurrentStep);
    }

    [Fact]
    public async Task Fire_ReturnedTerminationRequest_DoesNotRestartTheDocumentSalePeriod()
    {
        var (h, id) = await InNoticeAsync();
        await using var _ = h;
        h.SetChinaTime(Start.AddDays(2));
        await h.FireAsync(id, "Terminate");
        h.Act(SupervisorOf("发展改革委"));
        await h.Workflow().DecideAsync((await h.ProjectAsync(id)).PendingApprovalId!.Value, approve: false, "不同意终止");
        h.SetChinaTime(Start.AddDays(6).Date);

        Assert.True((await h.ActionAsync(id, "CloseDocumentSale")).Allowed);
    }

    [Fact]
    public async Task Fire_DocumentSaleTooEarly_RefusedAtServiceWithBasis()
    {
        var (h, id) = await InNoticeAsync();
        await using var _ = h;
        h.SetChinaTime(Start.AddDays(4));

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.FireAsync(id, "CloseDocumentSale"));

        Assert.StartsWith("不能“招标文件发售期满”：", ex.Message);
        Assert.Contains("期限5日，自次日起算，至2026-12-02 24时届满，2026-12-03起方可办理", ex.Message);
        Assert.Contains("《招标投标法实施条例》第十六条", ex.Message);
        Assert.Equal("Notice", (await h.ProjectAsync(id)).CurrentStep);
    }

    [Fact]
    public async Task Fire_OpenBidsBeforeDeadline_RefusedWithDeadlineReason()
    {
        var (h, id) = await InNoticeAsync();
        await using var _ = h;
        await h.SetDeadlineAsync(id, new DateTime(2026, 12, 18, 9, 0, 0));
        h.SetChinaTime(Start.AddDays(6).Date);
        await h.FireAsync(id, "CloseDocumentSale");
        h.Facts.Set(id, "bids.count", 5);
        h.SetChinaTime(new DateTime(2026, 12, 18, 8, 59, 0));

        var action = await h.ActionAsync(id, "OpenBids");

        Assert.False(action.Allowed);
        Assert.Equal(["投标截止时间 2026-12-18 09:00:00 未到（《招标投标法》第二十四条）"], action.Reasons);
    }

    [Fact]
    public async Task SetBidDeadline_BeforeNoticeEntered_RefusedAndNothingSaved()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        await h.FireAsync(id, "SubmitPlan");
        var revision = (await h.ProjectAsync(id)).Revision;

        var ex = await Assert.ThrowsAsync<DomainException>(() => h.SetDeadlineAsync(id, new DateTime(2027, 3, 1, 9, 0, 0)));

        Assert.Contains("进入“招标公告（招标文件发售）”环节（招标文件开始发出）后方可设定投标截止时间", ex.Message);
        Assert.Null((await h.ProjectAsync(id)).BidDeadlineUtc);
        Assert.Equal(revision, (await h.ProjectAsync(id)).Revision);
    }

    [Fact]
    public async Task Fire_Retender_ClearsTheOldDeadlineAndRestartsTheLeadTimeFromTheNewIssue()
    {
        var (h, id) = await InNoticeAsync();
        await using var _ = h;
        Assert.Equal(ChinaTime.ToUtc(Start), (await h.ProjectAsync(id)).DocumentsIssuedUtc);
        await h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0));
        h.SetChinaTime(Start.AddDays(6).Date);
        await h.FireAsync(id, "CloseDocumentSale");
        h.Facts.Set(id, "bids.count", 2);
        h.SetChinaTime(new DateTime(2026, 12, 17, 9, 30, 0));

        await h.FireAsync(id, "Retender");

        var project = await h.ProjectAsync(id);
        Assert.Equal("Notice", project.CurrentStep);
        Assert.Null(project.BidDeadlineUtc);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 17, 9, 30, 0)), project.DocumentsIssuedUtc);
        // Twenty days from the new issue: 12-18 … 2027-01-06.
        var ex = await Assert.ThrowsAsync<DomainException>(() => h.SetDeadlineAsync(id, new DateTime(2027, 1, 5, 23, 59, 0)));
        Assert.Contains("不得早于 2027-01-06 00:00:00", ex.Message);
        await h.SetDeadlineAsync(id, new DateTime(2027, 1, 6, 9, 0, 0));
    }
}
