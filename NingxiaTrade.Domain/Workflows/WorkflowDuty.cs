namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// A duty with a deadline (法定时限事项): what must be done within <see cref="Days"/> (working) days of an event, e.g. the
/// written contract within 30 days of the award notice (《招标投标法》第四十六条). Unlike a step's minimum it never blocks a move:
/// a duty not done in time is shown as overdue to the centre's clerks and the supervising department.
/// </summary>
public sealed class WorkflowDuty
{
    /// <summary>Stable English key, unique in the flow (e.g. "SignContract").</summary>
    public string Key { get; set; } = "";
    /// <summary>What must be done, in Chinese (e.g. "签订书面合同").</summary>
    public string Name { get; set; } = "";
    /// <summary>The event the period counts from (<see cref="DutyEvents"/>), the day after it (《民法典》第二百零一条).</summary>
    public string AfterEvent { get; set; } = "";
    /// <summary>The event that fulfils the duty (<see cref="DutyEvents"/>).</summary>
    public string DoneEvent { get; set; } = "";
    public int Days { get; set; }
    /// <summary>True when <see cref="Days"/> counts working days (法定节假日 and 调休 respected).</summary>
    public bool WorkingDays { get; set; }
    public string LegalBasis { get; set; } = "";

    /// <summary>"自发出中标通知书之日起30日内签订书面合同".</summary>
    public string Describe() =>
        $"自{DutyEvents.Chinese(AfterEvent)}之日起{Periods.Days(Days, WorkingDays)}内{Name}";
}

/// <summary>
/// The events a duty counts from or is fulfilled by. A step may record some of them when it is entered
/// (<see cref="WorkflowStep.Events"/>); the others are recorded by later modules or by a person on the project page.
/// </summary>
public static class DutyEvents
{
    public const string EvaluationReportReceived = "EvaluationReportReceived";
    public const string CandidatesPublicized = "CandidatesPublicized";
    public const string WinnerChosen = "WinnerChosen";
    public const string AwardNoticeIssued = "AwardNoticeIssued";
    public const string ContractSigned = "ContractSigned";
    public const string DepositsRefunded = "DepositsRefunded";
    public const string ResultNoticePublished = "ResultNoticePublished";
    public const string ContractNoticePublished = "ContractNoticePublished";
    public const string ContractFiled = "ContractFiled";
    public const string WrittenReportSubmitted = "WrittenReportSubmitted";
    /// <summary>A bidder withdrew its bid before the deadline (recorded by the bidding module for that bidder's deposit).</summary>
    public const string BidWithdrawn = "BidWithdrawn";
    /// <summary>One bidder's deposit was refunded (fulfils that deposit's refund duty).</summary>
    public const string DepositRefunded = "DepositRefunded";

    /// <summary>Every event with its Chinese name, in the order of a typical transaction.</summary>
    public static IReadOnlyList<(string Key, string Name)> All { get; } =
    [
        (EvaluationReportReceived, "收到评标（评审）报告"),
        (CandidatesPublicized, "公示中标候选人"),
        (WinnerChosen, "确定中标（成交）人"),
        (AwardNoticeIssued, "发出中标（成交）通知书"),
        (ResultNoticePublished, "发布中标（成交）结果公告"),
        (ContractSigned, "签订合同"),
        (ContractNoticePublished, "发布合同公告"),
        (ContractFiled, "合同备案"),
        (DepositsRefunded, "退还投标保证金"),
        (WrittenReportSubmitted, "向行政监督部门提交招标投标情况书面报告"),
    ];

    /// <summary>
    /// Events of duties another module opens for one item (one bidder's deposit, see <see cref="Projects.ItemDuties"/>): named
    /// on the duty lists, but neither offered in the flow editor nor recordable by a person.
    /// </summary>
    public static IReadOnlyList<(string Key, string Name)> ItemEvents { get; } =
    [
        (BidWithdrawn, "投标人撤回投标文件"),
        (DepositRefunded, "退还该投标人的投标保证金"),
    ];

    public static bool IsKnown(string? key) => All.Any(e => e.Key == key);

    /// <summary>The Chinese name, or the key itself when unknown.</summary>
    public static string Chinese(string? key) => All.Concat(ItemEvents).FirstOrDefault(e => e.Key == key).Name ?? key ?? "";

    /// <summary>The events the flow's duties count from or are fulfilled by: what may be recorded on a project of the flow.</summary>
    public static IReadOnlyList<(string Key, string Name)> UsedBy(WorkflowBody body) =>
        All.Where(e => body.Duties.Any(d => d.AfterEvent == e.Key || d.DoneEvent == e.Key)).ToList();
}

/// <summary>The checks of a flow's duties (<see cref="WorkflowValidator"/>) and what lowers them (<see cref="StatutoryFigures"/>).</summary>
public static class WorkflowDutyRules
{
    public static IEnumerable<string> Faults(WorkflowBody body)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var duty in body.Duties)
        {
            var label = string.IsNullOrWhiteSpace(duty.Name) ? duty.Key : duty.Name;
            if (string.IsNullOrWhiteSpace(duty.Key) || string.IsNullOrWhiteSpace(duty.Name))
            {
                yield return "存在缺少标识或名称的法定时限事项";
            }
            else if (!keys.Add(duty.Key))
            {
                yield return $"法定时限事项标识“{duty.Key}”重复";
            }
            if (!DutyEvents.IsKnown(duty.AfterEvent))
            {
                yield return $"法定时限事项“{label}”的起算事件“{duty.AfterEvent}”不在事件目录中";
            }
            if (!DutyEvents.IsKnown(duty.DoneEvent))
            {
                yield return $"法定时限事项“{label}”的完成事件“{duty.DoneEvent}”不在事件目录中";
            }
            else if (duty.DoneEvent == duty.AfterEvent)
            {
                yield return $"法定时限事项“{label}”的起算事件和完成事件不能相同";
            }
            if (duty.Days is < 1 or > 365)
            {
                yield return $"法定时限事项“{label}”的期限应在1至365日之间";
            }
            if (string.IsNullOrWhiteSpace(duty.LegalBasis))
            {
                yield return $"法定时限事项“{label}”缺少法律依据";
            }
        }
        foreach (var step in body.Steps)
        {
            foreach (var e in step.Events.Where(e => !DutyEvents.IsKnown(e)))
            {
                yield return $"环节“{step.Name}”记录的事件“{e}”不在事件目录中";
            }
        }
    }

    /// <summary>What changed in the duties and in the events the steps record, for the version comparison and the legal office.</summary>
    public static IEnumerable<WorkflowDifference> Differences(WorkflowBody older, WorkflowBody newer)
    {
        static string Text(WorkflowDuty d) => $"{d.Describe()}（{d.LegalBasis}）";
        foreach (var duty in newer.Duties.Where(d => older.Duties.All(o => o.Key != d.Key)))
        {
            yield return new("新增时限事项", Text(duty));
        }
        foreach (var duty in older.Duties.Where(d => newer.Duties.All(n => n.Key != d.Key)))
        {
            yield return new("删除时限事项", Text(duty));
        }
        foreach (var duty in newer.Duties)
        {
            if (older.Duties.FirstOrDefault(o => o.Key == duty.Key) is { } was && Text(was) != Text(duty))
            {
                yield return new("时限事项", $"{Text(was)} → {Text(duty)}");
            }
        }
        static string Events(WorkflowStep s) => s.Events.Count == 0 ? "无" : string.Join("、", s.Events.Select(DutyEvents.Chinese));
        foreach (var step in newer.Steps)
        {
            if (older.Step(step.Key) is { } was && !was.Events.SequenceEqual(step.Events))
            {
                yield return new("环节记录事件", $"{step.Name}：{Events(was)} → {Events(step)}");
            }
        }
    }

    /// <summary>
    /// A duty with a legal basis that is dropped, or given longer than the law allows (more days, or working days for
    /// calendar days), lowers a statutory figure: the obligation is laxer than the law's.
    /// </summary>
    public static IEnumerable<string> Lowerings(WorkflowBody body, WorkflowBody statutory)
    {
        foreach (var law in statutory.Duties.Where(d => !string.IsNullOrWhiteSpace(d.LegalBasis)))
        {
            var lawful = Periods.Days(law.Days, law.WorkingDays);
            var mine = body.Duties.FirstOrDefault(d => d.Key == law.Key);
            if (mine is null)
            {
                yield return $"删除了法定时限事项“{law.Name}”（{law.Describe()}，{law.LegalBasis}）";
            }
            else if (mine.Days > law.Days || (mine.Days == law.Days && mine.WorkingDays && !law.WorkingDays))
            {
                yield return $"法定时限事项“{mine.Name}”的期限由法定的{lawful}放宽为{Periods.Days(mine.Days, mine.WorkingDays)}（{law.LegalBasis}）";
            }
        }
    }
}
