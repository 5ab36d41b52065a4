using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Tests.Domain.Workflows;

/// <summary>The duties of the default flows, the designer's checks of a duty, and a laxer duty as a lowering that needs legal review.</summary>
public class WorkflowDutyRuleTests
{
    [Fact]
    public void DefaultFlows_Engineering_SeedsTheFourDutiesWithTheirBases()
    {
        var duties = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender).Duties
            .Select(d => (d.AfterEvent, d.DoneEvent, d.Days, d.WorkingDays, d.LegalBasis)).ToList();

        Assert.Equal(
        [
            (DutyEvents.EvaluationReportReceived, DutyEvents.CandidatesPublicized, 3, false, "《招标投标法实施条例》第五十四条"),
            (DutyEvents.AwardNoticeIssued, DutyEvents.ContractSigned, 30, false, "《招标投标法》第四十六条"),
            (DutyEvents.ContractSigned, DutyEvents.DepositsRefunded, 5, false, "《招标投标法实施条例》第五十七条"),
            (DutyEvents.WinnerChosen, DutyEvents.WrittenReportSubmitted, 15, false, "《招标投标法》第四十七条"),
        ], duties);
        Assert.Equal(duties, DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.InvitedTender).Duties
            .Select(d => (d.AfterEvent, d.DoneEvent, d.Days, d.WorkingDays, d.LegalBasis)).ToList());
    }

    [Fact]
    public void DefaultFlows_ProcurementOpenTender_SeedsContractNoticeFilingAndResultNotice()
    {
        var duties = DefaultWorkflows.For(TradeType.GovernmentProcurement, TradeMethod.OpenTender).Duties
            .ToDictionary(d => d.Key, d => (d.Days, d.WorkingDays, d.LegalBasis));

        Assert.Equal((30, false, "《政府采购法》第四十六条"), duties["SignContract"]);
        Assert.Equal((2, true, "《政府采购法实施条例》第五十条"), duties["PublishContract"]);
        Assert.Equal((7, true, "《政府采购法》第四十七条"), duties["FileContract"]);
        Assert.Equal((2, true, "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第六十九条"), duties["PublishResult"]);
        Assert.DoesNotContain("PublishResult", DefaultWorkflows.For(TradeType.GovernmentProcurement, TradeMethod.CompetitiveNegotiation).Duties.Select(d => d.Key));
    }

    [Fact]
    public void DefaultFlows_EngineeringAwardStep_RecordsWinnerAndAwardNotice()
    {
        var body = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);

        Assert.Equal([DutyEvents.WinnerChosen, DutyEvents.AwardNoticeIssued], body.Step("AwardNotice")!.Events);
        Assert.Equal([DutyEvents.ContractSigned], body.Step("Contract")!.Events);
    }

    [Fact]
    public void Validate_BadDuties_EveryFaultNamed()
    {
        var body = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        body.Duties.Add(new WorkflowDuty { Key = "SignContract", Name = "重复", AfterEvent = "Nope", DoneEvent = DutyEvents.ContractSigned, Days = 0, LegalBasis = " " });
        body.Duties.Add(new WorkflowDuty { Key = "Same", Name = "同一事件", AfterEvent = DutyEvents.ContractSigned, DoneEvent = DutyEvents.ContractSigned, Days = 400, LegalBasis = "某法" });
        body.Step("Contract")!.Events.Add("Unknown");

        var faults = WorkflowValidator.Validate(body);

        Assert.Contains("法定时限事项标识“SignContract”重复", faults);
        Assert.Contains("法定时限事项“重复”的起算事件“Nope”不在事件目录中", faults);
        Assert.Contains("法定时限事项“重复”的期限应在1至365日之间", faults);
        Assert.Contains("法定时限事项“重复”缺少法律依据", faults);
        Assert.Contains("法定时限事项“同一事件”的起算事件和完成事件不能相同", faults);
        Assert.Contains("法定时限事项“同一事件”的期限应在1至365日之间", faults);
        Assert.Contains("环节“合同签订”记录的事件“Unknown”不在事件目录中", faults);
    }

    [Fact]
    public void Validate_DefaultDuties_NoFault()
    {
        foreach (var flow in DefaultWorkflows.All)
        {
            Assert.Empty(WorkflowDutyRules.Faults(flow.Body));
        }
    }

    [Fact]
    public void Lowerings_ContractDutyLengthenedOrDropped_NeedsLegalReview()
    {
        var longer = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        longer.Duties.Single(d => d.Key == "SignContract").Days = 45;
        var working = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        working.Duties.Single(d => d.Key == "SignContract").WorkingDays = true;
        var dropped = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        dropped.Duties.RemoveAll(d => d.Key == "RefundDeposits");
        var stricter = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        stricter.Duties.Single(d => d.Key == "SignContract").Days = 20;

        Assert.Contains("法定时限事项“签订书面合同”的期限由法定的30日放宽为45日（《招标投标法》第四十六条）",
            StatutoryFigures.Lowerings(longer, TradeType.EngineeringBidding, TradeMethod.OpenTender));
        Assert.Contains("法定时限事项“签订书面合同”的期限由法定的30日放宽为30个工作日（《招标投标法》第四十六条）",
            StatutoryFigures.Lowerings(working, TradeType.EngineeringBidding, TradeMethod.OpenTender));
        Assert.Contains("删除了法定时限事项“退还投标保证金及银行同期存款利息”（自签订合同之日起5日内退还投标保证金及银行同期存款利息，《招标投标法实施条例》第五十七条）",
            StatutoryFigures.Lowerings(dropped, TradeType.EngineeringBidding, TradeMethod.OpenTender));
        Assert.Empty(StatutoryFigures.Lowerings(stricter, TradeType.EngineeringBidding, TradeMethod.OpenTender));
    }

    [Fact]
    public void Compare_DutyLengthenedAndStepEventDropped_BothListed()
    {
        var older = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        var newer = DefaultWorkflows.For(TradeType.EngineeringBidding, TradeMethod.OpenTender);
        newer.Duties.Single(d => d.Key == "SignContract").Days = 45;
        newer.Step("Contract")!.Events.Clear();

        var differences = WorkflowDefinitionService.Compare(older, newer);

        Assert.Contains(new WorkflowDifference("时限事项",
            "自发出中标（成交）通知书之日起30日内签订书面合同（《招标投标法》第四十六条） → 自发出中标（成交）通知书之日起45日内签订书面合同（《招标投标法》第四十六条）"), differences);
        Assert.Contains(new WorkflowDifference("环节记录事件", "合同签订：签订合同 → 无"), differences);
    }

    [Fact]
    public void Describe_ContractDuty_ReadsAsTheLawDoesWithChineseStatusNames()
    {
        var rule = new WorkflowDuty { Key = "K", Name = "签订书面合同", AfterEvent = DutyEvents.AwardNoticeIssued, DoneEvent = DutyEvents.ContractSigned, Days = 30, LegalBasis = "x" };
        Assert.Equal("自发出中标（成交）通知书之日起30日内签订书面合同", rule.Describe());
        Assert.Equal("已逾期", DutyStatus.Overdue.Chinese());
        Assert.Equal("逾期完成", DutyStatus.DoneLate.Chinese());
    }
}
