using static NingxiaTrade.Domain.Workflows.DutyEvents;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// The duties with a deadline of the default flows (issue 10, item 4), and the events their steps record when entered.
/// Events no step records (收到评标报告, 提交书面报告, 合同备案 …) are recorded by later modules or by a person.
/// </summary>
internal static class DefaultDuties
{
    private const string Rule54 = "《招标投标法实施条例》第五十四条";
    private const string Rule57 = "《招标投标法实施条例》第五十七条";
    private const string Law46 = "《招标投标法》第四十六条";
    private const string Law47 = "《招标投标法》第四十七条";
    private const string Gp46 = "《政府采购法》第四十六条";
    private const string Gp47 = "《政府采购法》第四十七条";
    private const string GpRule50 = "《政府采购法实施条例》第五十条";
    private const string Order87Art69 = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第六十九条";

    /// <summary>工程建设项目招标 (公开、邀请).</summary>
    public static void Engineering(WorkflowBody body)
    {
        Records(body, "CandidatePublicity", CandidatesPublicized);
        // 中标人确定后，招标人应当向中标人发出中标通知书（《招标投标法》第四十五条）: issuing it records both.
        Records(body, "AwardNotice", WinnerChosen, AwardNoticeIssued);
        Records(body, "Contract", ContractSigned);
        Records(body, "DepositRefund", DepositsRefunded);
        body.Duties.AddRange(
        [
            Duty("PublicizeCandidates", "公示中标候选人", EvaluationReportReceived, CandidatesPublicized, 3, false, Rule54),
            Duty("SignContract", "签订书面合同", AwardNoticeIssued, ContractSigned, 30, false, Law46),
            Duty("RefundDeposits", "退还投标保证金及银行同期存款利息", ContractSigned, DepositsRefunded, 5, false, Rule57),
            Duty("SubmitWrittenReport", "向行政监督部门提交招标投标情况书面报告", WinnerChosen, WrittenReportSubmitted, 15, false, Law47),
        ]);
    }

    /// <summary>政府采购 (公开招标、邀请招标 with the 87号令 result notice; 竞争性谈判、磋商、询价 without).</summary>
    public static void Procurement(WorkflowBody body, bool tender)
    {
        // The purchaser's confirmation of the result publishes the result notice and issues the award notice together.
        Records(body, "ResultNotice", WinnerChosen, ResultNoticePublished, AwardNoticeIssued);
        Records(body, "Contract", ContractSigned);
        Records(body, "ContractNotice", ContractNoticePublished);
        if (tender)
        {
            body.Duties.Add(Duty("PublishResult", "发布中标结果公告", WinnerChosen, ResultNoticePublished, 2, true, Order87Art69));
        }
        body.Duties.AddRange(
        [
            Duty("SignContract", "签订政府采购合同", AwardNoticeIssued, ContractSigned, 30, false, Gp46),
            Duty("PublishContract", "公告政府采购合同", ContractSigned, ContractNoticePublished, 2, true, GpRule50),
            Duty("FileContract", "将合同副本报同级政府采购监督管理部门和有关部门备案", ContractSigned, ContractFiled, 7, true, Gp47),
        ]);
    }

    private static void Records(WorkflowBody body, string step, params string[] events) =>
        (body.Step(step) ?? throw new InvalidOperationException($"No step {step}")).Events.AddRange(events);

    private static WorkflowDuty Duty(string key, string name, string after, string done, int days, bool working, string basis) =>
        new() { Key = key, Name = name, AfterEvent = after, DoneEvent = done, Days = days, WorkingDays = working, LegalBasis = basis };
}
