using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Projects;

/// <summary>Where a duty with a deadline stands.</summary>
public enum DutyStatus
{
    /// <summary>Its event has not been recorded: the period has not started.</summary>
    NotStarted = 0,
    Open = 1,
    Overdue = 2,
    DoneOnTime = 3,
    DoneLate = 4,
}

public static class DutyStatusNames
{
    public static string Chinese(this DutyStatus status) => status switch
    {
        DutyStatus.NotStarted => "未开始",
        DutyStatus.Open => "进行中",
        DutyStatus.Overdue => "已逾期",
        DutyStatus.DoneOnTime => "按期完成",
        DutyStatus.DoneLate => "逾期完成",
    };
}

/// <summary>
/// A duty with a deadline that started on a project (or on one of its lots): a snapshot of the flow's rule as it was when
/// its event was recorded, when the period ends, and when (and by whom) it was done — on time or late, both facts kept.
/// </summary>
public class ProjectDuty
{
    private ProjectDuty() { }

    internal ProjectDuty(Guid projectId, int? lotNumber, WorkflowDuty rule, DateTime startedUtc, PeriodEnd end)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        LotNumber = lotNumber;
        DutyKey = rule.Key;
        Name = rule.Name;
        AfterEvent = rule.AfterEvent;
        DoneEvent = rule.DoneEvent;
        Days = rule.Days;
        WorkingDays = rule.WorkingDays;
        LegalBasis = rule.LegalBasis;
        StartedUtc = startedUtc;
        // A period counted in days ends at 24:00 of its last day (《民法典》第二百零三条): due is 00:00 of the next.
        DueUtc = ChinaTime.StartOfDayUtc(end.EarliestDate);
        CoverageWarning = end.CoverageWarning;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>The lot (标段/采购包) the duty belongs to; null for the project as a whole.</summary>
    public int? LotNumber { get; private set; }
    public string DutyKey { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string AfterEvent { get; private set; } = "";
    public string DoneEvent { get; private set; } = "";
    public int Days { get; private set; }
    public bool WorkingDays { get; private set; }
    public string LegalBasis { get; private set; } = "";
    /// <summary>When the event the period counts from happened.</summary>
    public DateTime StartedUtc { get; private set; }
    /// <summary>00:00 China time of the day after the last day: from then on the duty is overdue.</summary>
    public DateTime DueUtc { get; private set; }
    /// <summary>Set when a working-day period ran into a year without holiday data (only weekends were skipped).</summary>
    public string? CoverageWarning { get; private set; }
    public DateTime? DoneUtc { get; private set; }
    public string? DoneBy { get; private set; }
    /// <summary>When the clerks and the supervising department were told it is overdue (once).</summary>
    public DateTime? OverdueNotifiedUtc { get; private set; }
    public int Revision { get; private set; }

    /// <summary>The last day of the period (China date); it ends at 24:00 of this day.</summary>
    public DateOnly LastDay => ChinaTime.DateOf(DueUtc).AddDays(-1);

    public DutyStatus StatusAt(DateTime nowUtc) => DoneUtc is { } done
        ? done < DueUtc ? DutyStatus.DoneOnTime : DutyStatus.DoneLate
        : nowUtc < DueUtc ? DutyStatus.Open : DutyStatus.Overdue;

    /// <summary>The duty's done event happened at <paramref name="occurredUtc"/>: on time when before <see cref="DueUtc"/>.</summary>
    internal void Complete(DateTime occurredUtc, string? by)
    {
        if (DoneUtc is not null)
        {
            throw new DomainException($"“{Name}”已于 {ChinaTime.Format(DoneUtc)} 办理。");
        }
        DoneUtc = occurredUtc;
        DoneBy = by;
        Revision++;
    }

    internal void OverdueNotified(DateTime nowUtc)
    {
        OverdueNotifiedUtc = nowUtc;
        Revision++;
    }
}

/// <summary>
/// An event of a project (发出中标通知书, 签订合同 …) as recorded: by entering a step, by a later module, or by a person. Duties
/// count from and are fulfilled by these.
/// </summary>
public class ProjectEvent
{
    private ProjectEvent() { }

    internal ProjectEvent(Guid projectId, int? lotNumber, string eventKey, DateTime occurredUtc, DateTime recordedUtc, string? recordedBy,
        string? role, string? stepKey, string? note)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        LotNumber = lotNumber;
        EventKey = eventKey;
        OccurredUtc = occurredUtc;
        RecordedUtc = recordedUtc;
        RecordedBy = recordedBy;
        Role = role;
        StepKey = stepKey;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>The lot the event is about; null for the project as a whole (it then concerns every lot).</summary>
    public int? LotNumber { get; private set; }
    public string EventKey { get; private set; } = "";
    public DateTime OccurredUtc { get; private set; }
    public DateTime RecordedUtc { get; private set; }
    public string? RecordedBy { get; private set; }
    public string? Role { get; private set; }
    /// <summary>The step whose entry recorded the event; null when a person recorded it.</summary>
    public string? StepKey { get; private set; }
    public string? Note { get; private set; }
}
