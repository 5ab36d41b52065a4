using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Projects;

/// <summary>
/// A duty with a deadline that another module opens for one item of a project — refunding one bidder's deposit — rather
/// than a rule of the project's flow. <paramref name="Key"/> is unique per item (at most 64 ASCII characters);
/// <paramref name="Days"/> count from the day after <paramref name="StartedUtc"/> (《民法典》第二百零一条).
/// </summary>
public sealed record ItemDutyRequest(Guid ProjectId, int? LotNumber, string Key, string Name, string AfterEvent, string DoneEvent, int Days,
    bool WorkingDays, string LegalBasis, DateTime StartedUtc);

/// <summary>When an item duty ends: its last day (it ends at 24:00 of it), the moment it is overdue, any calendar warning.</summary>
public sealed record ItemDutyPeriod(DateOnly LastDay, DateTime DueUtc, string? CoverageWarning);

/// <summary>
/// The projects module's published way for other modules to put single-item duties on a project's duty list, so an item
/// not done in time shows among the overdue duties (home panels, the once-only reminder) like any duty of the flow. The
/// duty is added to the caller's context: it is saved, and audited, with the caller's own change.
/// </summary>
public sealed class ItemDuties(IWorkingDayCalculator workingDays)
{
    /// <summary>The period of a duty of <paramref name="days"/> (working) days from <paramref name="startedUtc"/>, without opening it.</summary>
    public async Task<ItemDutyPeriod> PeriodAsync(DateTime startedUtc, int days, bool working, CancellationToken cancellationToken = default)
    {
        var end = await Periods.EndAsync(workingDays, startedUtc, days, working, PeriodKind.Duration, cancellationToken);
        return new ItemDutyPeriod(end.LastDay, ChinaTime.StartOfDayUtc(end.EarliestDate), end.CoverageWarning);
    }

    /// <summary>Opens the duty (once per key: an open or done duty of the same key is left as it is) and returns its period.</summary>
    public async Task<ItemDutyPeriod> OpenAsync(TradeDbContext db, ItemDutyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Set<ProjectDuty>().FirstOrDefaultAsync(d => d.ProjectId == request.ProjectId && d.DutyKey == request.Key, cancellationToken) is { } existing)
        {
            return new ItemDutyPeriod(existing.LastDay, existing.DueUtc, existing.CoverageWarning);
        }
        var end = await Periods.EndAsync(workingDays, request.StartedUtc, request.Days, request.WorkingDays, PeriodKind.Duration, cancellationToken);
        var rule = new WorkflowDuty
        {
            Key = request.Key, Name = request.Name[..Math.Min(request.Name.Length, 100)], AfterEvent = request.AfterEvent, DoneEvent = request.DoneEvent,
            Days = request.Days, WorkingDays = request.WorkingDays, LegalBasis = request.LegalBasis,
        };
        var duty = new ProjectDuty(request.ProjectId, request.LotNumber, rule, request.StartedUtc, end);
        db.Set<ProjectDuty>().Add(duty);
        return new ItemDutyPeriod(duty.LastDay, duty.DueUtc, duty.CoverageWarning);
    }

    /// <summary>Marks the open duty of <paramref name="key"/> done at <paramref name="doneUtc"/> (on time or late); nothing when there is none.</summary>
    public static async Task CompleteAsync(TradeDbContext db, Guid projectId, string key, DateTime doneUtc, string? by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<ProjectDuty>().FirstOrDefaultAsync(d => d.ProjectId == projectId && d.DutyKey == key && d.DoneUtc == null, cancellationToken) is { } duty)
        {
            duty.Complete(doneUtc, by);
        }
    }
}
