using System.Globalization;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Workflows;

/// <summary>
/// Every statutory minimum of the default flows refuses a move one day too early, naming its legal basis, and
/// allows it on the first lawful day. Working days are counted with the seeded 2026 State Council calendar.
/// </summary>
public class StatutoryMinimumTests
{
    private static readonly string[] Clerk = [Roles.CentreClerk];

    public static TheoryData<TradeType, string, string, string, string, string, string, string> Periods => new()
    {
        // type, current step, trigger, step the period counts from, entered (China), too early, first lawful moment, reason fragments (|)
        // Durations (期间) start the next day and end at 24:00 of their last day: the move is lawful from 00:00 of day N+1.
        { TradeType.EngineeringBidding, "Notice", "CloseDocumentSale", "Notice", "2026-11-27 10:00", "2026-12-02 23:59", "2026-12-03 00:00", "期限5日|至2026-12-02 24时届满|第十六条" },
        // Issue 10's example: a 3-day publicity entered 11-27 18:00 runs 11-28 … 11-30; the award may follow from 12-01 00:00.
        { TradeType.EngineeringBidding, "CandidatePublicity", "IssueAward", "CandidatePublicity", "2026-11-27 18:00", "2026-11-30 23:59", "2026-12-01 00:00", "期限3日|2026-12-01起方可办理|第五十四条" },
        // In calendar days 国庆 counts like any other day: 10-01 … 10-03.
        { TradeType.EngineeringBidding, "CandidatePublicity", "IssueAward", "CandidatePublicity", "2026-09-30 18:00", "2026-10-03 23:59", "2026-10-04 00:00", "至2026-10-03 24时届满" },
        // 国庆 2026: 1–7 October off, Saturday 10 October worked (调休). Five working days after 30 September are 8, 9, 10, 12, 13
        // October; the notice period ends at 24:00 of 13 October.
        { TradeType.GovernmentProcurement, "Notice", "CloseNotice", "Notice", "2026-09-30 10:00", "2026-10-13 23:59", "2026-10-14 00:00", "期限5个工作日|至2026-10-13 24时届满|2026-10-14起方可办理|财政部令第87号）第十六条" },
        { TradeType.GovernmentProcurement, "ResultNotice", "SignContract", "ResultNotice", "2026-09-30 10:00", "2026-10-08 23:59", "2026-10-09 00:00", "期限1个工作日|第六十九条" },
        // Twenty working days after 30 September: 8–10, 12–16, 19–23, 26–30 October, 2–3 November.
        { TradeType.StateAssetTransfer, "Disclosure", "CloseDisclosure", "Disclosure", "2026-09-30 10:00", "2026-11-03 23:59", "2026-11-04 00:00", "期限20个工作日|财政部令第32号" },
        // A lead time (提前期): listing may begin on the 20th day after the notice.
        { TradeType.LandAndMiningRights, "Notice", "StartListing", "Notice", "2026-11-27 10:00", "2026-12-16 23:59", "2026-12-17 00:00", "未满20日|按本平台规则|国土资源部令第39号" },
        { TradeType.LandAndMiningRights, "Listing", "ListingDeal", "Listing", "2026-11-27 10:00", "2026-12-07 23:59", "2026-12-08 00:00", "期限10日|按本平台规则" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task Evaluate_BeforeStatutoryPeriodEnds_RefusedWithBasisAndAllowedOnFirstLawfulDay(
        TradeType type, string step, string trigger, string fromStep, string entered, string tooEarly, string onTime, string fragments)
    {
        await using var h = await ProjectHarness.CreateAsync(start: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = DefaultWorkflows.Primary(type);
        var project = new TradeProject("T-0001", h.Form(type), h.TendererOf(h.Form(type)), h.Rules, Guid.NewGuid(), step, null, null, null, Utc(entered));
        var history = new List<ProjectStepRecord> { new(project.Id, 1, "Earlier", fromStep, "t", "进入", "u", Roles.CentreClerk, Utc(entered), null) };
        if (fromStep != step)
        {
            history.Add(new(project.Id, 2, fromStep, step, "t2", "进入", "u", Roles.CentreClerk, Utc(entered).AddDays(5), null));
        }
        SatisfyOtherGuards(h, project, body, Utc(onTime));

        var early = await ActionAsync(h, project, body, history, Utc(tooEarly), trigger);
        var lawful = await ActionAsync(h, project, body, history, Utc(onTime), trigger);

        Assert.False(early.Allowed);
        Assert.Contains(early.Reasons, r => fragments.Split('|').All(r.Contains));
        Assert.True(lawful.Allowed, string.Join("；", lawful.Reasons));
    }

    public static TheoryData<TradeType, TradeMethod, string, string, string, string, string, string> MethodPeriods => new()
    {
        // type, method, step (the period counts from entering it), trigger, entered (China), too early, first lawful moment, reason fragments (|)
        // 资格预审公告 5 working days over 国庆: 10-08, 09, 10 (调休), 12, 13; ends at 24:00 of 10-13.
        { TradeType.GovernmentProcurement, TradeMethod.InvitedTender, "Prequalification", "Invite", "2026-09-30 10:00", "2026-10-13 23:59", "2026-10-14 00:00", "期限5个工作日|第十四条" },
        { TradeType.EngineeringBidding, TradeMethod.InvitedTender, "Notice", "CloseDocumentSale", "2026-11-27 10:00", "2026-12-02 23:59", "2026-12-03 00:00", "期限5日|第十六条" },
        // 拍卖公告 at least 7 days before the auction (a lead time), then the lots on display 2 days (a duration).
        { TradeType.StateAssetTransfer, TradeMethod.Auction, "AuctionNotice", "Exhibit", "2026-09-30 10:00", "2026-10-06 23:59", "2026-10-07 00:00", "未满7日|第四十五条" },
        { TradeType.StateAssetTransfer, TradeMethod.Auction, "Exhibition", "HoldAuction", "2026-09-30 10:00", "2026-10-02 23:59", "2026-10-03 00:00", "期限2日|第四十八条" },
        { TradeType.LandAndMiningRights, TradeMethod.Auction, "Notice", "StartAuction", "2026-11-27 10:00", "2026-12-16 23:59", "2026-12-17 00:00", "未满20日|按本平台规则" },
        { TradeType.GovernmentProcurement, TradeMethod.CompetitiveNegotiation, "ResultNotice", "SignContract", "2026-09-30 10:00", "2026-10-08 23:59", "2026-10-09 00:00", "期限1个工作日|按本平台规则" },
    };

    [Theory]
    [MemberData(nameof(MethodPeriods))]
    public async Task Evaluate_PerMethodFlowPeriod_RefusedAt2359AndAllowedAtMidnight(
        TradeType type, TradeMethod method, string step, string trigger, string entered, string tooEarly, string onTime, string fragments)
    {
        await using var h = await ProjectHarness.CreateAsync(start: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = DefaultWorkflows.For(type, method);
        var project = new TradeProject("T-0001", h.Form(type), h.TendererOf(h.Form(type)), h.Rules, Guid.NewGuid(), step, null, null, null, Utc(entered));
        var history = new List<ProjectStepRecord> { new(project.Id, 1, "Earlier", step, "t", "进入", "u", Roles.CentreClerk, Utc(entered), null) };

        var early = await ActionAsync(h, project, body, history, Utc(tooEarly), trigger);
        var lawful = await ActionAsync(h, project, body, history, Utc(onTime), trigger);

        Assert.False(early.Allowed);
        Assert.Contains(early.Reasons, r => fragments.Split('|').All(r.Contains));
        Assert.True(lawful.Allowed, string.Join("；", lawful.Reasons));
    }

    [Theory]
    [InlineData(TradeType.EngineeringBidding, "投标人为2个，少于3个|《招标投标法实施条例》第四十四条")]
    [InlineData(TradeType.GovernmentProcurement, "投标供应商为2个，少于3个|财政部令第87号）第四十一条第二款")]
    public async Task Evaluate_OpenBidsWithTwoBids_RefusedWithBasis(TradeType type, string fragments)
    {
        await using var h = await ProjectHarness.CreateAsync();
        var (project, body, history, now) = AtBiddingAfterDeadline(h, type);
        h.Facts.Set(project.Id, "bids.count", 2);

        var open = await ActionAsync(h, project, body, history, now, "OpenBids");

        Assert.False(open.Allowed);
        Assert.Contains(open.Reasons, r => fragments.Split('|').All(r.Contains));
        h.Facts.Set(project.Id, "bids.count", 3);
        Assert.True((await ActionAsync(h, project, body, history, now, "OpenBids")).Allowed);
    }

    [Theory]
    [InlineData(TradeType.EngineeringBidding, "Retender")]
    [InlineData(TradeType.GovernmentProcurement, "Rebid")]
    public async Task Evaluate_RetenderWithThreeBidsOrBeforeDeadline_Refused(TradeType type, string trigger)
    {
        await using var h = await ProjectHarness.CreateAsync();
        var (project, body, history, now) = AtBiddingAfterDeadline(h, type);
        h.Facts.Set(project.Id, "bids.count", 3);
        Task<WorkflowAction> RetenderAt(DateTime at) => ActionAsync(h, project, body, history, at, trigger);

        Assert.Contains((await RetenderAt(now)).Reasons, r => r.Contains("多于2个"));
        h.Facts.Set(project.Id, "bids.count", 2);
        Assert.Contains((await RetenderAt(now.AddDays(-1))).Reasons, r => r.Contains("未到"));
        Assert.True((await RetenderAt(now)).Allowed);
    }

    [Theory]
    [InlineData(1, "AgreeDeal", "StartBidding", "合格意向受让方为1个，少于2个")]
    [InlineData(2, "StartBidding", "AgreeDeal", "合格意向受让方为2个，多于1个")]
    public async Task Evaluate_StateAssetQualifiedParties_OnlyTheMatchingWayOpens(long qualified, string open, string closed, string reason)
    {
        await using var h = await ProjectHarness.CreateAsync();
        var body = DefaultWorkflows.Primary(TradeType.StateAssetTransfer);
        var project = new TradeProject("T-0001", h.Form(TradeType.StateAssetTransfer), h.TendererOf(h.Form(TradeType.StateAssetTransfer)), h.Rules, Guid.NewGuid(), "Qualification", null, null, null, Utc("2026-11-27 10:00"));
        h.Facts.Set(project.Id, "bidders.qualified", qualified);

        var actions = await h.Engine().EvaluateAsync(project, body, [], Utc("2026-11-27 11:00"), Clerk);

        Assert.True(actions.Single(a => a.Transition.Trigger == open).Allowed);
        var refused = actions.Single(a => a.Transition.Trigger == closed);
        Assert.False(refused.Allowed);
        Assert.Contains(refused.Reasons, r => r.Contains(reason) && r.Contains("财政部令第32号"));
    }

    [Theory]
    [InlineData(2, 2, "ToAuction")]
    [InlineData(1, 1, "ListingDeal")]
    [InlineData(0, 0, "ListingFailed")]
    public async Task Evaluate_LandListingClose_OnlyTheOutcomeTheOffersAllowOpens(long competing, long validOffers, string expected)
    {
        await using var h = await ProjectHarness.CreateAsync();
        var body = DefaultWorkflows.Primary(TradeType.LandAndMiningRights);
        var project = new TradeProject("T-0001", h.Form(TradeType.LandAndMiningRights), h.TendererOf(h.Form(TradeType.LandAndMiningRights)), h.Rules, Guid.NewGuid(), "Listing", null, null, null, Utc("2026-11-27 10:00"));
        var history = new List<ProjectStepRecord> { new(project.Id, 1, "Notice", "Listing", "StartListing", "开始挂牌", "u", Roles.CentreClerk, Utc("2026-11-27 10:00"), null) };
        h.Facts.Set(project.Id, "bidders.competing", competing);
        h.Facts.Set(project.Id, "offers.valid", validOffers);

        var actions = await h.Engine().EvaluateAsync(project, body, history, Utc("2026-12-08 10:00"), Clerk);

        Assert.Equal([expected], actions.Where(a => a.Allowed && a.Transition.Trigger != "Terminate").Select(a => a.Transition.Trigger));
    }

    [Theory]
    [InlineData(TradeType.EngineeringBidding, "2026-12-17 00:00", true, "《招标投标法》第二十四条")]
    [InlineData(TradeType.EngineeringBidding, "2026-12-16 23:59", false, "《招标投标法》第二十四条")]
    [InlineData(TradeType.GovernmentProcurement, "2026-12-17 00:00", true, "《政府采购法》第三十五条")]
    [InlineData(TradeType.GovernmentProcurement, "2026-12-16 23:59", false, "《政府采购法》第三十五条")]
    public async Task Evaluate_OpenBidsAtDeadline_LeadTimeOfTwentyDaysLetsTheDeadlineFallOnDayTwenty(TradeType type, string deadline, bool lawful, string basis)
    {
        await using var h = await ProjectHarness.CreateAsync(start: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = DefaultWorkflows.Primary(type);
        var project = new TradeProject("T-0001", h.Form(type), h.TendererOf(h.Form(type)), h.Rules, Guid.NewGuid(), "Bidding", null, null, null, Utc("2026-11-27 10:00"));
        // Documents first issued 11-27: twenty days are 11-28 … 12-17, and the deadline (the dated event) may fall on 12-17.
        var history = new List<ProjectStepRecord>
        {
            new(project.Id, 1, "Plan", "Notice", "PublishNotice", "发布公告", "u", Roles.CentreClerk, Utc("2026-11-27 10:00"), null),
            new(project.Id, 2, "Notice", "Bidding", "Close", "公告期满", "u", Roles.CentreClerk, Utc("2026-12-08 10:00"), null),
        };
        project.SetBidDeadline(Utc(deadline), Utc(deadline), "");
        h.Facts.Set(project.Id, "bids.count", 3);

        // Opening happens at the deadline (《招标投标法》第三十四条): nothing holds a lawful one.
        var open = await ActionAsync(h, project, body, history, Utc(deadline), "OpenBids");

        Assert.Equal(lawful, open.Allowed);
        if (!lawful)
        {
            Assert.Contains(open.Reasons, r => r.Contains("早于依法最早可截止的 2026-12-17") && r.Contains(basis));
        }
    }

    [Fact]
    public async Task Evaluate_WorkingDaysIntoYearWithoutSchedule_ReasonWarnsOfTheCalendar()
    {
        await using var h = await ProjectHarness.CreateAsync(start: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var body = DefaultWorkflows.Primary(TradeType.GovernmentProcurement);
        var project = new TradeProject("T-0001", h.Form(TradeType.GovernmentProcurement), h.TendererOf(h.Form(TradeType.GovernmentProcurement)), h.Rules, Guid.NewGuid(), "Notice", null, null, null, Utc("2026-12-28 10:00"));
        var history = new List<ProjectStepRecord> { new(project.Id, 1, "Plan", "Notice", "PublishNotice", "发布公告", "u", Roles.CentreClerk, Utc("2026-12-28 10:00"), null) };

        var close = await ActionAsync(h, project, body, history, Utc("2026-12-30 10:00"), "CloseNotice");

        Assert.Contains(close.Reasons, r => r.Contains("期限5个工作日") && r.Contains("2027年节假日安排尚未录入"));
    }

    private static async Task<WorkflowAction> ActionAsync(
        ProjectHarness h, TradeProject project, WorkflowBody body, IReadOnlyList<ProjectStepRecord> history, DateTime nowUtc, string trigger) =>
        (await h.Engine().EvaluateAsync(project, body, history, nowUtc, Clerk)).Single(a => a.Transition.Trigger == trigger);

    private static (TradeProject, WorkflowBody, List<ProjectStepRecord>, DateTime) AtBiddingAfterDeadline(ProjectHarness h, TradeType type)
    {
        var body = DefaultWorkflows.Primary(type);
        var project = new TradeProject("T-0001", h.Form(type), h.TendererOf(h.Form(type)), h.Rules, Guid.NewGuid(), "Bidding", null, null, null, Utc("2026-11-27 10:00"));
        var history = new List<ProjectStepRecord>
        {
            new(project.Id, 1, "Plan", "Notice", "PublishNotice", "发布公告", "u", Roles.CentreClerk, Utc("2026-11-27 10:00"), null),
            new(project.Id, 2, "Notice", "Bidding", "Close", "公告期满", "u", Roles.CentreClerk, Utc("2026-12-04 10:00"), null),
        };
        project.SetBidDeadline(Utc("2026-12-17 09:00"), Utc("2026-12-17 00:00"), "");
        return (project, body, history, Utc("2026-12-17 09:30"));
    }

    /// <summary>Meets every guard other than the period under test: deadline set, enough bids, the right number of parties.</summary>
    private static void SatisfyOtherGuards(ProjectHarness h, TradeProject project, WorkflowBody body, DateTime deadline)
    {
        if (body.BidDeadline is not null)
        {
            project.SetBidDeadline(deadline, deadline, "");
        }
        h.Facts.Set(project.Id, "bids.count", 3);
        h.Facts.Set(project.Id, "bidders.qualified", 1);
        h.Facts.Set(project.Id, "bidders.competing", 1);
        h.Facts.Set(project.Id, "offers.valid", 1);
    }

    private static DateTime Utc(string chinaLocal) =>
        ChinaTime.ToUtc(DateTime.ParseExact(chinaLocal, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
}
