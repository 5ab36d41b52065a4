using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Domain.Notifications;
using NingxiaTrade.Tests.Support;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Domain.Projects;

/// <summary>
/// Duties with a deadline (法定时限事项, issue 10 item 4) on the fake clock: opened by the event they count from, overdue from
/// 00:00 of the day after the last day, done on time or late, refusals that change nothing, the overdue lists and the reminder.
/// </summary>
public class ProjectDutyTests
{
    private const string Law46 = "《招标投标法》第四十六条";

    /// <summary>An engineering project whose award notice was issued on 2026-12-21 10:00 (China time).</summary>
    public static async Task<Guid> AwardedAsync(ProjectHarness h)
    {
        var id = await InCandidatePublicityAsync(h);
        h.SetChinaTime(new DateTime(2026, 12, 21, 10, 0, 0));
        await h.FireAsync(id, "IssueAward");
        return id;
    }

    /// <summary>An engineering project whose candidates are publicised since 2026-12-17 10:00.</summary>
    private static async Task<Guid> InCandidatePublicityAsync(ProjectHarness h)
    {
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        const string clerk = YinchuanClerk;
        await h.FireAsync(id, "SubmitPlan", clerk);
        await h.FireApprovedAsync(id, "PublishNotice", clerk);
        await h.SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0), clerk);
        h.SetChinaTime(new DateTime(2026, 12, 3, 0, 0, 0));
        await h.FireAsync(id, "CloseDocumentSale", clerk);
        h.SetChinaTime(new DateTime(2026, 12, 17, 10, 0, 0));
        h.Facts.Set(id, "bids.count", 3);
        await h.FireAsync(id, "OpenBids", clerk);
        await h.FireAsync(id, "StartEvaluation", clerk);
        await h.FireAsync(id, "PublishCandidates", clerk);
        return id;
    }

    private static async Task<DutyView> DutyAsync(ProjectHarness h, Guid id, string key, string userId = YinchuanClerk)
    {
        h.Act(userId);
        return (await h.Duties().ForProjectAsync(id)).Duties.Single(d => d.Key == key);
    }

    private static async Task<(int Duties, int Events, int History)> CountsAsync(ProjectHarness h, Guid id)
    {
        await using var db = h.Database.CreateDbContext();
        return (await db.Set<ProjectDuty>().CountAsync(d => d.ProjectId == id), await db.Set<ProjectEvent>().CountAsync(e => e.ProjectId == id),
            await db.ProjectSteps.CountAsync(s => s.ProjectId == id));
    }

    [Fact]
    public async Task Fire_IssueAward_ContractDutyOpensWithItsBasisAndHistoryLine()
    {
        await using var h = await CreateAsync();
        var id = await AwardedAsync(h);

        var duty = await DutyAsync(h, id, "SignContract");

        Assert.Equal(DutyStatus.Open, duty.Status);
        Assert.Equal(Law46, duty.LegalBasis);
        Assert.Equal(new DateOnly(2027, 1, 20), duty.LastDay);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2027, 1, 21, 0, 0, 0)), duty.DueUtc);
        Assert.Equal(30, duty.DaysLeft);
        Assert.Null(duty.LotNumber);
        // 确定中标人 is recorded with the award: the written report (15 days, 《招标投标法》第四十七条) starts too.
        Assert.Equal(new DateOnly(2027, 1, 5), (await DutyAsync(h, id, "SubmitWrittenReport")).LastDay);
        Assert.Equal(DutyStatus.NotStarted, (await DutyAsync(h, id, "RefundDeposits")).Status);
        var line = (await h.HistoryAsync(id)).Last();
        Assert.StartsWith("法定时限：中标通知", line.Action);
        Assert.Contains("“签订书面合同”起算：30日内，至2027-01-20 24时届满（《招标投标法》第四十六条）", line.Opinion);
    }

    [Fact]
    public async Task Overdue_ContractNotSignedThirtyDaysAfterAward_OverdueAtMidnightOfDay31NotAt2359OfDay30()
    {
        await using var h = await CreateAsync();
        var id = await AwardedAsync(h);

        h.SetChinaTime(new DateTime(2027, 1, 20, 23, 59, 0));
        Assert.Equal(DutyStatus.Open, (await DutyAsync(h, id, "SignContract")).Status);
        h.Act(SupervisorOf("发展改革委"));
        Assert.DoesNotContain((await h.Duties().OverdueAsync(0, 20)).Items, d => d.Name == "签订书面合同");

        h.SetChinaTime(new DateTime(2027, 1, 21, 0, 0, 0));
        var duty = await DutyAsync(h, id, "SignContract");
        Assert.Equal(DutyStatus.Overdue, duty.Status);
        Assert.Equal(-1, duty.DaysLeft);
        h.Act(SupervisorOf("发展改革委"));
        var overdue = Assert.Single((await h.Duties().OverdueAsync(0, 20)).Items, d => d.Name == "签订书面合同");
        Assert.Equal((id, Law46, 1), (overdue.ProjectId, overdue.LegalBasis, overdue.DaysOverdue));
        // A duty never blocks: the contract can still be signed, late.
        Assert.True((await h.ActionAsync(id, "SignContract")).Allowed);
    }

    [Fact]
    public async Task Fire_SignContractWithinThirtyDays_DoneOnTimeAndDepositRefundStarts()
    {
        await using var h = await CreateAsync();
        var id = await AwardedAsync(h);
        h.SetChinaTime(new DateTime(2027, 1, 20, 16, 0, 0));

        await h.FireAsync(id, "SignContract");

        var duty = await DutyAsync(h, id, "SignContract");
        Assert.Equal(DutyStatus.DoneOnTime, duty.Status);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2027, 1, 20, 16, 0, 0)), duty.DoneUtc);
        Assert.Equal(YinchuanClerk + "@test.cn", duty.DoneBy);
        var refund = await DutyAsync(h, id, "RefundDeposits");
        Assert.Equal((DutyStatus.Open, new DateOnly(2027, 1, 25), "《招标投标法实施条例》第五十七条"), (refund.Status, refund.LastDay, refund.LegalBasis));
    }

    [Fact]
    public async Task Fire_SignContractOnDay31_DoneLateKeepsBothDueAndDoneTimes()
    {
        await using var h = await CreateAsync();
        var id = await AwardedAsync(h);
        h.SetChinaTime(new DateTime(2027, 1, 21, 0, 0, 0));

        await h.FireAsync(id, "SignContract");

        var duty = await DutyAsync(h, id, "SignContract");
        Assert.Equal(DutyStatus.DoneLate, duty.Status);
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2027, 1, 21, 0, 0, 0)), duty.DoneUtc);
        Assert.Equal(new DateOnly(2027, 1, 20), duty.LastDay);
        Assert.Contains("逾期办理", (await h.HistoryAsync(id)).Last().Opinion);
        h.Act(SupervisorOf("发展改革委"));
        Assert.DoesNotContain((await h.Duties().OverdueAsync(0, 20)).Items, d => d.Name == "签订书面合同");
    }

    [Fact]
    public async Task RecordEvent_WrittenReportByClerk_ClosesTheDutyWithHistoryAndNote()
    {
        await using var h = await CreateAsync();
        var id = await AwardedAsync(h);
        h.SetChinaTime(new DateTime(2026, 12, 28, 9, 0, 0));
        h.Act(YinchuanClerk);

        await h.Duties().RecordEventAsync(id, null, DutyEvents.WrittenReportSubmitted, ChinaTime.ToUtc(new DateTime(2026, 12, 25, 0, 0, 0)), "银发改函〔2026〕9号");

        Assert.Equal(DutyStatus.DoneOnTime, (await DutyAsync(h, id, "SubmitWrittenReport")).Status);
        var line = (await h.HistoryAsync(id)).Last();
        Assert.Equal("登记事项：向行政监督部门提交招标投标情况书面报告（2026-12-25）", line.Action);
        Assert.Contains("银发改函〔2026〕9号", line.Opinion);
        Assert.Equal("AwardNotice", line.ToStep);
    }

    [Fact]
    public async Task RecordEvent_ContractSignedAcrossNationalDay2026_TwoWorkingDaysEndOnOctoberNinth()
    {
        await using var h = await CreateAsync(start: new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero));
        var id = await h.RegisterAsync(TradeType.GovernmentProcurement);
        h.SetChinaTime(new DateTime(2026, 9, 30, 18, 0, 0));
        h.Act(YinchuanClerk);

        await h.Duties().RecordEventAsync(id, null, DutyEvents.ContractSigned, ChinaTime.ToUtc(new DateTime(2026, 9, 30, 15, 0, 0)), null);

        // 10-01 … 10-07 off; 10-08 and 10-09 are the two working days (《政府采购法实施条例》第五十条).
        var notice = await DutyAsync(h, id, "PublishContract");
        Assert.Equal((new DateOnly(2026, 10, 9), "《政府采购法实施条例》第五十条", (string?)null), (notice.LastDay, notice.LegalBasis, notice.CoverageWarning));
        // 7 working days: 10-08, 10-09, 10-10 (调休上班), 10-12 … 10-15 (《政府采购法》第四十七条).
        Assert.Equal(new DateOnly(2026, 10, 15), (await DutyAsync(h, id, "FileContract")).LastDay);
        h.SetChinaTime(new DateTime(2026, 10, 9, 23, 59, 0));
        Assert.Equal(DutyStatus.Open, (await DutyAsync(h, id, "PublishContract")).Status);
        h.SetChinaTime(new DateTime(2026, 10, 10, 0, 0, 0));
        Assert.Equal(DutyStatus.Overdue, (await DutyAsync(h, id, "PublishContract")).Status);
    }

    [Fact]
    public async Task RecordEvent_WorkingDayDutyIntoYearWithoutHolidayData_CarriesCoverageWarning()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.GovernmentProcurement);
        h.SetChinaTime(new DateTime(2026, 12, 31, 10, 0, 0));
        h.Act(YinchuanClerk);

        await h.Duties().RecordEventAsync(id, null, DutyEvents.ContractSigned, ChinaTime.ToUtc(new DateTime(2026, 12, 31, 9, 0, 0)), null);

        var notice = await DutyAsync(h, id, "PublishContract");
        Assert.Contains("2027", notice.CoverageWarning);
    }

    [Fact]
    public async Task RecordEvent_Refusals_ChineseMessageAndNothingChanged()
    {
        await using var h = await CreateAsync();
        var id = await AwardedAsync(h);
        var before = await CountsAsync(h, id);
        var now = ChinaTime.ToUtc(new DateTime(2026, 12, 21, 10, 0, 0));

        h.Act(SupervisorOf("发展改革委"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Duties().RecordEventAsync(id, null, DutyEvents.ContractSigned, now, null));
        h.Act(BidderId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Duties().RecordEventAsync(id, null, DutyEvents.ContractSigned, now, null));
        h.Act(WuzhongClerk);
        Assert.Equal("项目不存在或您无权查看。",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(id, null, DutyEvents.ContractSigned, now, null))).Message);
        h.Act(YinchuanClerk);
        Assert.Contains("晚于当前时间",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(id, null, DutyEvents.ContractSigned, now.AddMinutes(1), null))).Message);
        Assert.Equal("未知的事项，请从列表中选择。",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(id, null, "ContractTorn", now, null))).Message);
        Assert.Contains("早于“签订书面合同”的起算日期 2026-12-21",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(id, null, DutyEvents.ContractSigned, now.AddDays(-1), null))).Message);
        Assert.Equal("本项目没有第2标段（包）。",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(id, 2, DutyEvents.ContractSigned, now, null))).Message);
        // Issuing the award again changes no duty: the periods already run.
        Assert.StartsWith("登记“发出中标（成交）通知书”不影响任何法定时限事项：“签订书面合同”已于 2026-12-21 起算",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(id, null, DutyEvents.AwardNoticeIssued, now, null))).Message);

        Assert.Equal(before, await CountsAsync(h, id));
        Assert.Equal(DutyStatus.Open, (await DutyAsync(h, id, "SignContract")).Status);
    }

    [Fact]
    public async Task RecordEvent_FlowWithoutDutiesOrFinishedProject_Refused()
    {
        await using var h = await CreateAsync();
        var land = await h.RegisterAsync(TradeType.LandAndMiningRights);
        var terminated = await h.RegisterAsync(TradeType.EngineeringBidding);
        await h.FireApprovedAsync(terminated, "Terminate");
        var now = h.Database.Time.GetUtcNow().UtcDateTime;
        h.Act(YinchuanClerk);

        Assert.Equal("本项目流程的法定时限事项不涉及“签订合同”，无需登记。",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(land, null, DutyEvents.ContractSigned, now, null))).Message);
        Assert.Equal("项目已结束（终止），不能再登记事项。",
            (await Assert.ThrowsAsync<DomainException>(() => h.Duties().RecordEventAsync(terminated, null, DutyEvents.ContractSigned, now, null))).Message);
        Assert.Equal((0, 0), ((await CountsAsync(h, land)).Duties, (await CountsAsync(h, terminated)).Events));
    }

    [Fact]
    public async Task RecordEvent_ReportReceivedAfterCandidatesWerePublicised_DutyStartsAlreadyDoneOnTime()
    {
        await using var h = await CreateAsync();
        var id = await InCandidatePublicityAsync(h); // entering 中标候选人公示 recorded CandidatesPublicized on 12-17
        h.SetChinaTime(new DateTime(2026, 12, 18, 9, 0, 0));
        h.Act(YinchuanClerk);

        await h.Duties().RecordEventAsync(id, null, DutyEvents.EvaluationReportReceived, ChinaTime.ToUtc(new DateTime(2026, 12, 15, 17, 0, 0)), null);

        var duty = await DutyAsync(h, id, "PublicizeCandidates");
        Assert.Equal((DutyStatus.DoneOnTime, new DateOnly(2026, 12, 18)), (duty.Status, duty.LastDay));
        Assert.Equal(ChinaTime.ToUtc(new DateTime(2026, 12, 17, 10, 0, 0)), duty.DoneUtc);
    }

    [Fact]
    public async Task RecordEvent_PublicityBeforeTheReportWasRecorded_RefusedNamingTheEventToRecordFirst()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        h.Act(YinchuanClerk);

        var ex = await Assert.ThrowsAsync<DomainException>(() =>
            h.Duties().RecordEventAsync(id, null, DutyEvents.CandidatesPublicized, h.Database.Time.GetUtcNow().UtcDateTime, null));

        Assert.Contains("“公示中标候选人”尚未起算，请先登记“收到评标（评审）报告”", ex.Message);
        Assert.Equal((0, 0), ((await CountsAsync(h, id)).Duties, (await CountsAsync(h, id)).Events));
    }

    [Fact]
    public async Task RecordEvent_ReportThenLatePublicity_DoneLate()
    {
        await using var h = await CreateAsync();
        var id = await h.RegisterAsync(TradeType.EngineeringBidding);
        h.SetChinaTime(new DateTime(2026, 12, 10, 9, 0, 0));
        h.Act(YinchuanClerk);
        await h.Duties().RecordEventAsync(id, null, DutyEvents.EvaluationReportReceived, ChinaTime.ToUtc(new DateTime(2026, 12, 1, 9, 0, 0)), null);
        Assert.Equal(DutyStatus.Overdue, (await DutyAsync(h, id, "PublicizeCandidates")).Status);

        await h.Duties().RecordEventAsync(id, null, DutyEvents.CandidatesPublicized, ChinaTime.ToUtc(new DateTime(2026, 12, 9, 9, 0, 0)), null);

        var duty = await DutyAsync(h, id, "PublicizeCandidates");
        Assert.Equal((DutyStatus.DoneLate, new DateOnly(2026, 12, 4), "《招标投标法实施条例》第五十四条"), (duty.Status, duty.LastDay, duty.LegalBasis));
    }

    [Fact]
    public async Task RecordEvent_PerLot_LotEventOpensItsOwnDutiesProjectEventFulfilsEveryLot()
    {
        await using var h = await CreateAsync();
        var form = h.Form(TradeType.GovernmentProcurement) with
        {
            Estimate = Yuan(2_000_000),
            Lots = [new LotForm("第一包", Yuan(1_200_000), Yuan(24_000), "货物"), new LotForm("第二包", Yuan(800_000), Yuan(16_000), "货物")],
        };
        var id = await h.RegisterAsync(TradeType.GovernmentProcurement, form: form);
        h.SetChinaTime(new DateTime(2026, 11, 30, 10, 0, 0));
        h.Act(YinchuanClerk);

        await h.Duties().RecordEventAsync(id, 1, DutyEvents.ContractSigned, ChinaTime.ToUtc(new DateTime(2026, 11, 30, 9, 0, 0)), null);
        await h.Duties().RecordEventAsync(id, 2, DutyEvents.ContractSigned, ChinaTime.ToUtc(new DateTime(2026, 11, 30, 9, 30, 0)), null);
        await h.Duties().RecordEventAsync(id, null, DutyEvents.ContractNoticePublished, ChinaTime.ToUtc(new DateTime(2026, 11, 30, 10, 0, 0)), "两包合同一并公告");

        var notices = (await h.Duties().ForProjectAsync(id)).Duties.Where(d => d.Key == "PublishContract").ToList();
        Assert.Equal([1, 2], notices.Select(d => d.LotNumber ?? 0));
        Assert.All(notices, d => Assert.Equal(DutyStatus.DoneOnTime, d.Status));
        var filings = (await h.Duties().ForProjectAsync(id)).Duties.Where(d => d.Key == "FileContract").ToList();
        Assert.Equal([(1, DutyStatus.Open), (2, DutyStatus.Open)], filings.Select(d => (d.LotNumber ?? 0, d.Status)));
        Assert.Contains("第2标段/包", (await h.HistoryAsync(id))[^2].Action);
    }

    [Fact]
    public async Task FireLot_AwardOfOneLotWhileSiblingIsRetendered_ContractDutyRunsForThatLotOnly()
    {
        await using var h = await CreateAsync();
        var id = await h.EngineeringTwoLotsInBiddingAsync();
        h.SetChinaTime(new DateTime(2026, 12, 17, 10, 0, 0));
        h.Facts.Set(id, "bids.count", 3);
        await h.FireLotAsync(id, 2, "OpenBids");
        await h.FireLotAsync(id, 2, "StartEvaluation");
        await h.FireLotAsync(id, 2, "PublishCandidates");
        h.SetChinaTime(new DateTime(2026, 12, 21, 10, 0, 0));

        await h.FireLotAsync(id, 2, "IssueAward");

        h.Act(YinchuanClerk);
        var contract = Assert.Single((await h.Duties().ForProjectAsync(id)).Duties, d => d.Key == "SignContract");
        Assert.Equal((2, DutyStatus.Open, new DateOnly(2027, 1, 20)), (contract.LotNumber, contract.Status, contract.LastDay));
        var line = (await h.HistoryAsync(id))[^1];
        Assert.Equal((2, "AwardNotice"), (line.LotNumber, line.ToStep));
        Assert.StartsWith("法定时限：中标通知（第2标段/包）", line.Action);
        h.SetChinaTime(new DateTime(2027, 1, 21, 0, 0, 0));
        h.Act(SupervisorOf("发展改革委"));
        Assert.Contains((await h.Duties().OverdueAsync(0, 20)).Items, d => d is { Name: "签订书面合同", LotNumber: 2 });
    }

    [Fact]
    public async Task Overdue_SupervisorsAndClerks_SeeOnlyTheirOwnProjects()
    {
        await using var h = await CreateAsync();
        var engineering = await AwardedAsync(h);
        var procurement = await h.RegisterAsync(TradeType.GovernmentProcurement);
        var wuzhong = await h.RegisterAsync(TradeType.GovernmentProcurement, asUser: WuzhongClerk, form: h.Form(TradeType.GovernmentProcurement, "640300"));
        h.Act(YinchuanClerk);
        await h.Duties().RecordEventAsync(procurement, null, DutyEvents.ContractSigned, h.Database.Time.GetUtcNow().UtcDateTime, null);
        h.Act(WuzhongClerk);
        await h.Duties().RecordEventAsync(wuzhong, null, DutyEvents.ContractSigned, h.Database.Time.GetUtcNow().UtcDateTime, null);
        h.SetChinaTime(new DateTime(2027, 2, 1, 9, 0, 0));

        async Task<string> SeenBy(string user)
        {
            h.Act(user);
            return Names((await h.Duties().OverdueAsync(0, 50)).Items.Select(d => d.ProjectId).ToArray());
        }
        string Names(params Guid[] ids) => string.Join(",", ids.Distinct().Select(i => i == engineering ? "E" : i == procurement ? "P" : "W").Order());

        Assert.Equal(Names(engineering), await SeenBy(SupervisorOf("发展改革委")));
        Assert.Equal(Names(procurement, wuzhong), await SeenBy(SupervisorOf("财政厅")));
        Assert.Equal(Names(engineering, procurement), await SeenBy(YinchuanClerk));
        Assert.Equal(Names(wuzhong), await SeenBy(WuzhongClerk));
        h.Act(TendererId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => h.Duties().OverdueAsync(0, 20));
    }

    [Fact]
    public async Task Overdue_Paged_CountsAllAndReturnsOnePageLongestOverdueFirst()
    {
        await using var h = await CreateAsync();
        await AwardedAsync(h);
        h.SetChinaTime(new DateTime(2027, 2, 1, 9, 0, 0));
        h.Act(SupervisorOf("发展改革委"));

        var first = await h.Duties().OverdueAsync(0, 1);
        var second = await h.Duties().OverdueAsync(1, 1);

        Assert.Equal(2, first.TotalCount);
        Assert.Equal("向行政监督部门提交招标投标情况书面报告", Assert.Single(first.Items).Name);
        Assert.Equal("签订书面合同", Assert.Single(second.Items).Name);
    }

    [Fact]
    public async Task NotifyOverdue_ContractNotSigned_ClerksAndSupervisorsToldOnce()
    {
        await using var h = await CreateAsync();
        await NotificationKit.GrantHarnessRolesAsync(h);
        var id = await AwardedAsync(h);
        h.SetChinaTime(new DateTime(2027, 1, 20, 23, 59, 0));
        h.Act(BidderId);
        Assert.Equal(1, await h.Duties().NotifyOverdueAsync()); // the written report, due since 01-06

        h.SetChinaTime(new DateTime(2027, 1, 21, 0, 0, 0));
        Assert.Equal(1, await h.Duties().NotifyOverdueAsync());
        Assert.Equal(0, await h.Duties().NotifyOverdueAsync());

        var toSupervisor = (await NotificationKit.ReceivedAsync(h.Database, SupervisorOf("发展改革委"))).Where(n => n.Kind == NotificationKind.DutyOverdue).ToList();
        Assert.Equal(2, toSupervisor.Count);
        Assert.Contains(toSupervisor, n => n.Body.Contains("签订书面合同") && n.Body.Contains(Law46) && n.Link == $"/projects/{id}");
        Assert.Equal(2, (await NotificationKit.ReceivedAsync(h.Database, YinchuanClerk)).Count(n => n.Kind == NotificationKind.DutyOverdue));
        Assert.DoesNotContain(await NotificationKit.ReceivedAsync(h.Database, SupervisorOf("财政厅")), n => n.Kind == NotificationKind.DutyOverdue);
        Assert.DoesNotContain(await NotificationKit.ReceivedAsync(h.Database, WuzhongClerk), n => n.Kind == NotificationKind.DutyOverdue);
    }
}
