using System.Globalization;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// A date reached by counting working days, and the warning to show when the count crossed a year without an entered
/// holiday schedule (then only weekends were skipped).
/// </summary>
public sealed record WorkingDaySum(DateOnly Date, string? CoverageWarning = null);

/// <summary>Working-day arithmetic the guards need (provided by the holiday calendar).</summary>
public interface IWorkingDayCalculator
{
    Task<WorkingDaySum> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken = default);
}

/// <summary>When a period lets a project move: the first China date allowed, the last day of the period, any calendar warning.</summary>
public sealed record PeriodEnd(DateOnly EarliestDate, DateOnly LastDay, string? CoverageWarning)
{
    /// <summary>" （2027年节假日安排尚未录入，按周末规则计算。）" or "".</summary>
    public string WarningSuffix => CoverageWarning is null ? "" : $"（{CoverageWarning.TrimEnd('。')}）";
}

/// <summary>
/// A number about a project or one of its lots that a later module knows (bids received, deposits paid …). The bidding
/// and deposit modules register sources; the workflow module does not know them.
/// </summary>
public interface IWorkflowFactSource
{
    /// <summary>
    /// The fact for lot <paramref name="lotNumber"/> once the lots move separately (<c>bids.count</c> of that 标段), or for
    /// the whole project when null (a project of one lot: that lot's); null when this source does not know the fact.
    /// </summary>
    Task<long?> GetAsync(Guid projectId, int? lotNumber, string fact, CancellationToken cancellationToken = default);
}

/// <summary>What a guard sees when it is asked whether a transition may fire now.</summary>
public sealed class GuardContext(
    FlowSubject subject,
    IReadOnlyList<ProjectStepRecord> history,
    WorkflowBody body,
    DateTime nowUtc,
    IWorkingDayCalculator workingDays,
    IEnumerable<IWorkflowFactSource> facts)
{
    private readonly IReadOnlyList<ProjectStepRecord> _history = subject.Own(history).ToList();

    /// <summary>The project, or the lot of it, that would move.</summary>
    public FlowSubject Subject { get; } = subject;
    public TradeProject Project => Subject.Project;
    public WorkflowBody Body { get; } = body;
    public DateTime NowUtc { get; } = nowUtc;
    public IWorkingDayCalculator WorkingDays { get; } = workingDays;

    /// <summary>
    /// When the subject last entered the step (a lot: by itself, or with the project before the lots parted), or null if
    /// it never did. Records that stay in the step (an approval requested or returned, a bid deadline set) are not
    /// entries: they must not restart the step's periods.
    /// </summary>
    public DateTime? EnteredUtc(string step) =>
        _history.Where(h => h.ToStep == step && h.FromStep != h.ToStep)
            .OrderByDescending(h => h.Sequence).Select(h => (DateTime?)h.AtUtc).FirstOrDefault();

    /// <summary>
    /// The day the tender documents were first issued in the current round (the anchor of the bid deadline's lead time):
    /// recorded on the subject when it entered the deadline rule's step; for projects from before it was recorded, that entry.
    /// </summary>
    public DateTime? BidPeriodAnchorUtc() =>
        Subject.DocumentsIssuedUtc ?? (Body.BidDeadline is { } rule ? EnteredUtc(rule.FromStep) : null);

    /// <summary>A fact of the subject: of its lot when the lots move separately, else of the project.</summary>
    public async Task<long?> FactAsync(string fact, CancellationToken cancellationToken)
    {
        foreach (var source in facts)
        {
            if (await source.GetAsync(Project.Id, Subject.LotNumber, fact, cancellationToken) is { } value)
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>
    /// When a period of <paramref name="days"/> (working) days from <paramref name="startUtc"/> lets the project move.
    /// Both kinds start the day after (《民法典》第二百零一条); a <see cref="PeriodKind.Duration"/> must have ended (24:00 of
    /// its last day, 第二百零三条) so the earliest move is the next day, a <see cref="PeriodKind.LeadTime"/>'s event may
    /// fall on its last day.
    /// </summary>
    public Task<PeriodEnd> PeriodEndsAsync(DateTime startUtc, int days, bool working, PeriodKind kind, CancellationToken cancellationToken) =>
        Periods.EndAsync(WorkingDays, startUtc, days, working, kind, cancellationToken);
}

/// <summary>Statutory period arithmetic shared by the guards, the timers, the bid deadline and the duties.</summary>
public static class Periods
{
    public static async Task<PeriodEnd> EndAsync(IWorkingDayCalculator workingDays, DateTime startUtc, int days, bool working, PeriodKind kind,
        CancellationToken cancellationToken)
    {
        var start = ChinaTime.DateOf(startUtc);
        if (days <= 0)
        {
            return new PeriodEnd(start, start, null);
        }
        DateOnly last;
        string? warning = null;
        if (working)
        {
            var sum = await workingDays.AddWorkingDaysAsync(start, days, cancellationToken);
            last = sum.Date;
            warning = sum.CoverageWarning;
        }
        else
        {
            last = start.AddDays(days);
        }
        return new PeriodEnd(kind == PeriodKind.Duration ? last.AddDays(1) : last, last, warning);
    }

    /// <summary>"5日" / "5个工作日".</summary>
    public static string Days(int days, bool working) => days + (working ? "个工作日" : "日");
}

/// <summary>A condition of a transition as people read it, with the law behind it.</summary>
public sealed record WorkflowCondition(string Text, string? LegalBasis);

/// <summary>The answer of a guard: allowed, or refused with a reason a clerk can read.</summary>
public sealed record GuardOutcome(bool Allowed, string? Reason)
{
    public static readonly GuardOutcome Ok = new(true, null);
    public static GuardOutcome Refuse(string reason) => new(false, reason);
}

/// <summary>A parameter a guard takes, for the designer.</summary>
public sealed record GuardParameter(string Name, string Label, bool Required = true);

/// <summary>A named guard: C# code shipped with the platform, chosen and parameterised in the designer.</summary>
public interface IWorkflowGuard
{
    string Name { get; }
    string Label { get; }
    IReadOnlyList<GuardParameter> Parameters { get; }
    /// <summary>Null when the parameters are usable; otherwise what is wrong, in Chinese.</summary>
    string? Check(IReadOnlyDictionary<string, string> parameters);
    Task<GuardOutcome> EvaluateAsync(GuardContext context, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken);
}

/// <summary>The registry of guards a definition may name.</summary>
public static class WorkflowGuards
{
    public static readonly IReadOnlyList<IWorkflowGuard> All =
        [new MinDaysSinceStepGuard(), new FactAtLeastGuard(), new DeadlineReachedGuard()];

    public static IWorkflowGuard? Find(string name) => All.FirstOrDefault(g => g.Name == name);

    /// <summary>
    /// What must hold before <paramref name="transition"/> may fire, in Chinese, each with its legal basis: the period of
    /// the step it leaves (unless it ignores it), then its guards. The designer, the public pages and the public API read this.
    /// </summary>
    public static IReadOnlyList<WorkflowCondition> Conditions(WorkflowBody body, WorkflowTransition transition)
    {
        var list = new List<WorkflowCondition>();
        if (!transition.IgnoresStepMinimum && body.Step(transition.From) is { MinimumDays: > 0 } step)
        {
            var length = Periods.Days(step.MinimumDays!.Value, step.WorkingDays);
            list.Add(new(step.PeriodKind == PeriodKind.Duration
                ? $"“{step.Name}”期限{length}（次日起算）届满"
                : $"自进入“{step.Name}”之日起满{length}（提前期，事件可在第{step.MinimumDays}日）", step.LegalBasis));
        }
        foreach (var use in transition.Guards)
        {
            var basis = use.Parameters.GetValueOrDefault("basis") is { Length: > 0 } b ? b : null;
            list.Add(new(Describe(body, use), basis));
        }
        if (transition.Timer is { } timer)
        {
            list.Add(new($"进入本环节满{Periods.Days(timer.Days, timer.WorkingDays)}（期间届满）时平台提醒办理，不自动办理", null));
        }
        return list;
    }

    /// <summary>One guard as people read it, e.g. "投标人不少于3个".</summary>
    public static string Describe(WorkflowBody body, GuardUse use)
    {
        var p = use.Parameters;
        return use.Name switch
        {
            "MinDaysSinceStep" when TryDays(p, out var days) =>
                $"自进入“{body.Step(p.GetValueOrDefault("step") ?? "")?.Name ?? p.GetValueOrDefault("step")}”之日起满{Periods.Days(days, Working(p))}"
                + (MinDaysSinceStepGuard.KindOf(p) == PeriodKind.Duration ? "（期间，届满后方可办理）" : "（提前期）"),
            "FactAtLeast" => $"{p.GetValueOrDefault("label")}不少于{p.GetValueOrDefault("min")}个" + (p.TryGetValue("max", out var max) ? $"、不多于{max}个" : ""),
            "DeadlineReached" => "投标（响应）截止时间已到，且不早于依法最早可截止的日期",
            _ => Find(use.Name)?.Label ?? use.Name,
        };
    }

    public static string? CheckParameters(GuardUse use)
    {
        var guard = Find(use.Name);
        if (guard is null)
        {
            return $"条件“{use.Name}”不在系统条件库中";
        }
        foreach (var p in guard.Parameters.Where(p => p.Required && !use.Parameters.ContainsKey(p.Name)))
        {
            return $"条件“{guard.Label}”缺少参数“{p.Label}”";
        }
        return guard.Check(use.Parameters);
    }

    internal static bool TryDays(IReadOnlyDictionary<string, string> p, out int days) =>
        int.TryParse(p.GetValueOrDefault("days"), NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 0 and <= 365;

    internal static bool Working(IReadOnlyDictionary<string, string> p) => p.GetValueOrDefault("workingDays") == "true";

    internal static string Basis(IReadOnlyDictionary<string, string> p) =>
        p.GetValueOrDefault("basis") is { Length: > 0 } basis ? $"（{basis}）" : "";
}

/// <summary>
/// "At least N (working) days since the project entered a step". Parameter <c>kind</c> says how they count
/// (<see cref="PeriodKind"/>; a lead time when absent, as definitions written before the kinds existed meant).
/// </summary>
public sealed class MinDaysSinceStepGuard : IWorkflowGuard
{
    public string Name => "MinDaysSinceStep";
    public string Label => "自某环节起满最短期限";
    public IReadOnlyList<GuardParameter> Parameters { get; } =
        [new("step", "起算环节"), new("days", "天数"), new("workingDays", "按工作日（true/false）", false),
         new("kind", "期限种类（Duration 期间 / LeadTime 提前期）", false), new("basis", "法律依据", false)];

    public string? Check(IReadOnlyDictionary<string, string> p)
    {
        if (!WorkflowGuards.TryDays(p, out _))
        {
            return "天数应为0至365的整数";
        }
        return p.TryGetValue("kind", out var kind) && !PeriodKinds.TryParse(kind, out _) ? "期限种类应为 Duration（期间）或 LeadTime（提前期）" : null;
    }

    public static PeriodKind KindOf(IReadOnlyDictionary<string, string> p) =>
        PeriodKinds.TryParse(p.GetValueOrDefault("kind"), out var kind) ? kind : PeriodKind.LeadTime;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, IReadOnlyDictionary<string, string> p, CancellationToken cancellationToken)
    {
        WorkflowGuards.TryDays(p, out var days);
        var step = p["step"];
        var stepName = context.Body.Step(step)?.Name ?? step;
        var working = WorkflowGuards.Working(p);
        var kind = KindOf(p);
        var length = Periods.Days(days, working);
        if (context.EnteredUtc(step) is not { } entered)
        {
            return GuardOutcome.Refuse($"尚未进入“{stepName}”环节，无法起算{length}期限{WorkflowGuards.Basis(p)}");
        }
        var end = await context.PeriodEndsAsync(entered, days, working, kind, cancellationToken);
        if (ChinaTime.DateOf(context.NowUtc) >= end.EarliestDate)
        {
            return GuardOutcome.Ok;
        }
        return GuardOutcome.Refuse(kind == PeriodKind.Duration
            ? $"“{stepName}”期限{length}，自次日起算，至{ChinaTime.FormatDate(end.LastDay)} 24时届满，{ChinaTime.FormatDate(end.EarliestDate)}起方可办理{WorkflowGuards.Basis(p)}{end.WarningSuffix}"
            : $"自“{stepName}”之日起未满{length}，{ChinaTime.FormatDate(end.EarliestDate)}起方可办理{WorkflowGuards.Basis(p)}{end.WarningSuffix}");
    }
}

/// <summary>"A number a later module knows is at least N", e.g. at least 3 bids before opening.</summary>
public sealed class FactAtLeastGuard : IWorkflowGuard
{
    public string Name => "FactAtLeast";
    public string Label => "数量不少于";
    public IReadOnlyList<GuardParameter> Parameters { get; } =
        [new("fact", "数据项（如 bids.count）"), new("min", "最少数量"), new("label", "中文名称（如 投标人）"),
         new("max", "最多数量", false), new("basis", "法律依据", false)];

    public string? Check(IReadOnlyDictionary<string, string> p)
    {
        if (!long.TryParse(p.GetValueOrDefault("min"), NumberStyles.None, CultureInfo.InvariantCulture, out var min))
        {
            return "最少数量应为非负整数";
        }
        if (p.TryGetValue("max", out var maxText)
            && (!long.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < min))
        {
            return "最多数量应为不小于最少数量的整数";
        }
        return null;
    }

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, IReadOnlyDictionary<string, string> p, CancellationToken cancellationToken)
    {
        var min = long.Parse(p["min"], CultureInfo.InvariantCulture);
        var value = await context.FactAsync(p["fact"], cancellationToken) ?? 0;
        if (value < min)
        {
            return GuardOutcome.Refuse($"{p["label"]}为{value}个，少于{min}个{WorkflowGuards.Basis(p)}");
        }
        if (p.TryGetValue("max", out var maxText) && value > long.Parse(maxText, CultureInfo.InvariantCulture))
        {
            return GuardOutcome.Refuse($"{p["label"]}为{value}个，多于{maxText}个{WorkflowGuards.Basis(p)}");
        }
        return GuardOutcome.Ok;
    }
}

/// <summary>
/// "The project's bid deadline (投标截止时间) has been set and reached", and is still lawful: re-validated against the
/// flow's <see cref="DeadlineRule"/> from the day the documents were first issued. Opening happens at the deadline
/// (《招标投标法》第三十四条), so nothing else may hold it once a lawful deadline has passed.
/// </summary>
public sealed class DeadlineReachedGuard : IWorkflowGuard
{
    public string Name => "DeadlineReached";
    public string Label => "投标（响应）截止时间已到";
    public IReadOnlyList<GuardParameter> Parameters { get; } = [new("basis", "法律依据", false)];

    public string? Check(IReadOnlyDictionary<string, string> p) => null;

    public async Task<GuardOutcome> EvaluateAsync(GuardContext context, IReadOnlyDictionary<string, string> p, CancellationToken cancellationToken)
    {
        if (context.Subject.BidDeadlineUtc is not { } deadline)
        {
            return GuardOutcome.Refuse("尚未设定投标截止时间");
        }
        if (context.Body.BidDeadline is { } rule && context.BidPeriodAnchorUtc() is { } anchor)
        {
            var end = await context.PeriodEndsAsync(anchor, rule.Days, rule.WorkingDays, rule.Kind, cancellationToken);
            if (ChinaTime.DateOf(deadline) < end.EarliestDate)
            {
                var basis = string.IsNullOrWhiteSpace(rule.LegalBasis) ? "" : $"（{rule.LegalBasis}）";
                return GuardOutcome.Refuse(
                    $"投标截止时间 {ChinaTime.Format(deadline)} 早于依法最早可截止的 {ChinaTime.FormatDate(end.EarliestDate)}，须重新设定{basis}{end.WarningSuffix}");
            }
        }
        return context.NowUtc < deadline
            ? GuardOutcome.Refuse($"投标截止时间 {ChinaTime.Format(deadline)} 未到{WorkflowGuards.Basis(p)}")
            : GuardOutcome.Ok;
    }
}
