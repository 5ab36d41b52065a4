using System.Text.Json.Serialization;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// How a number of days is counted. The two kinds differ by one day at the end, and the law uses both:
/// </summary>
public enum PeriodKind
{
    /// <summary>
    /// 期间 (发售期、公示期、公告期、披露期、挂牌期): starts the day after entry (《民法典》第二百零一条) and ends at 24:00 of
    /// its last day (第二百零三条), so the earliest move is 00:00 of day N+1.
    /// </summary>
    Duration = 1,
    /// <summary>
    /// 提前期 to a dated event (e.g. from the day the tender documents are first issued to the bid deadline, not less than
    /// 20 days, 《招标投标法》第二十四条): counted from the day after as well, but the event itself may fall on day N.
    /// </summary>
    LeadTime = 2,
}

public static class PeriodKinds
{
    public static string Chinese(this PeriodKind kind) => kind switch
    {
        PeriodKind.Duration => "期间",
        PeriodKind.LeadTime => "提前期",
        _ => kind.ToString(),
    };

    /// <summary>How the kind counts, as the designer and the public page explain it.</summary>
    public static string Explanation(this PeriodKind kind) => kind switch
    {
        PeriodKind.Duration => "自进入本环节的次日起算，最后一日24时届满，届满后（第N+1日0时起）方可进入下一环节（《民法典》第二百零一条、第二百零三条）",
        PeriodKind.LeadTime => "自起算之日的次日起算，所指向的事件（如投标截止）最早可在第N日进行（《民法典》第二百零一条）",
        _ => "",
    };

    public static bool TryParse(string? text, out PeriodKind kind) =>
        Enum.TryParse(text, ignoreCase: false, out kind) && Enum.IsDefined(kind);
}

/// <summary>
/// The body of a workflow definition: steps and the transitions between them, stored as JSON on
/// <see cref="WorkflowDefinition"/>. Everything here is data; behaviour comes only from the named guards
/// of <see cref="WorkflowGuards"/>, never from user-written code.
/// </summary>
public sealed class WorkflowBody
{
    public string InitialStep { get; set; } = "";
    public List<WorkflowStep> Steps { get; set; } = [];
    public List<WorkflowTransition> Transitions { get; set; } = [];
    /// <summary>The earliest bid deadline the law allows, if this flow has one.</summary>
    public DeadlineRule? BidDeadline { get; set; }
    /// <summary>
    /// The step from which each lot (标段/采购包/宗地) of a project with two or more lots moves on its own: from the bid
    /// deadline on, the 3-bid rule, opening, evaluation, publicity, award and contract apply per lot, so one lot may be
    /// re-tendered while the others go on. Null: the project moves as a whole throughout.
    /// </summary>
    public string? LotsFromStep { get; set; }
    /// <summary>Duties with a deadline (法定时限事项): never block a move, shown as overdue when not done in time.</summary>
    public List<WorkflowDuty> Duties { get; set; } = [];

    public WorkflowStep? Step(string key) => Steps.FirstOrDefault(s => s.Key == key);

    public IEnumerable<WorkflowTransition> From(string step) => Transitions.Where(t => t.From == step);

    public WorkflowBody Clone() => System.Text.Json.JsonSerializer.Deserialize<WorkflowBody>(System.Text.Json.JsonSerializer.Serialize(this))!;
}

/// <summary>A step (环节). <see cref="MinimumDays"/> is the statutory minimum time in the step, if any.</summary>
public sealed class WorkflowStep
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsFinal { get; set; }
    /// <summary>Least time a project must stay in this step before leaving it forward (not by termination).</summary>
    public int? MinimumDays { get; set; }
    /// <summary>True when <see cref="MinimumDays"/> counts working days (法定节假日 and 调休 respected).</summary>
    public bool WorkingDays { get; set; }
    /// <summary>How <see cref="MinimumDays"/> counts: a step's own period is a <see cref="PeriodKind.Duration"/> (公示期 …);
    /// a step that only has to be entered a number of days before the next one begins is a <see cref="PeriodKind.LeadTime"/>.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PeriodKind>))]
    public PeriodKind PeriodKind { get; set; } = PeriodKind.Duration;
    /// <summary>The law behind the minimum, e.g. 《招标投标法》第二十四条.</summary>
    public string? LegalBasis { get; set; }
    /// <summary>The <see cref="DutyEvents"/> that entering this step records (e.g. entering 中标通知 records AwardNoticeIssued).</summary>
    public List<string> Events { get; set; } = [];
}

/// <summary>A transition: fired by a user holding one of <see cref="Roles"/>, subject to its guards.</summary>
public sealed class WorkflowTransition
{
    /// <summary>Stable English trigger name, unique among the transitions leaving <see cref="From"/>.</summary>
    public string Trigger { get; set; } = "";
    /// <summary>What the button says, in Chinese.</summary>
    public string Name { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    /// <summary>The project's supervising department must approve before the move happens.</summary>
    public bool RequiresApproval { get; set; }
    /// <summary>A way out that does not wait for the step's minimum (termination, failed tender).</summary>
    public bool IgnoresStepMinimum { get; set; }
    public List<GuardUse> Guards { get; set; } = [];
    /// <summary>Fired by the platform itself when the time is reached.</summary>
    public WorkflowTimer? Timer { get; set; }
}

/// <summary>A named guard from the registry with its parameters.</summary>
public sealed class GuardUse
{
    public string Name { get; set; } = "";
    public Dictionary<string, string> Parameters { get; set; } = [];
}

/// <summary>
/// Reminds the transition's roles when <see cref="Days"/> (working) days after entering the step have passed (a
/// <see cref="PeriodKind.Duration"/>). It never moves the project itself: the decision stays with a person (e.g. issuing
/// the award notice is the tenderer's, 《招标投标法》第四十五条).
/// </summary>
public sealed class WorkflowTimer
{
    public int Days { get; set; }
    public bool WorkingDays { get; set; }
}

/// <summary>
/// "The bid deadline is at least <see cref="Days"/> days after the tender documents were first issued", i.e. after the
/// project entered <see cref="FromStep"/> (a <see cref="PeriodKind.LeadTime"/>: the deadline may fall on day N).
/// </summary>
public sealed class DeadlineRule
{
    /// <summary>Always a lead time: the deadline is the dated event.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<PeriodKind>))]
    public PeriodKind Kind => PeriodKind.LeadTime;

    public string FromStep { get; set; } = "";
    public int Days { get; set; }
    public bool WorkingDays { get; set; }
    public string? LegalBasis { get; set; }
}
