using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Projects;

/// <summary>
/// Recording a project's events and what they do to its duties with a deadline: an event opens the duties that count
/// from it (once per duty and lot) and fulfils the open duties it is the done event of. Everything is added to the
/// caller's context, so it is saved — and audited — in the same transaction as the move or the record, with a line in the
/// project's history. Lots: an event of lot N opens and fulfils lot N's duties; a project-level event (null) opens
/// project-level duties and fulfils the open duties of every lot.
/// </summary>
internal static class ProjectDuties
{
    /// <summary>
    /// The project (or lot <paramref name="lotNumber"/>) has just entered <paramref name="stepKey"/>: records the events the step
    /// declares (<see cref="WorkflowStep.Events"/>) at <paramref name="nowUtc"/>. Call it after the move's own history line was added.
    /// </summary>
    public static async Task StepEnteredAsync(TradeDbContext db, TradeProject project, WorkflowBody body, IReadOnlyList<ProjectStepRecord> history,
        string stepKey, int? lotNumber, IWorkingDayCalculator workingDays, DateTime nowUtc, string? userName, string? role,
        CancellationToken cancellationToken = default)
    {
        if (body.Step(stepKey) is not { Events.Count: > 0 } step)
        {
            return;
        }
        var lines = new List<string>();
        foreach (var eventKey in step.Events.Where(DutyEvents.IsKnown).Distinct())
        {
            var outcome = await ApplyAsync(db, project, body, lotNumber, eventKey, nowUtc, nowUtc, userName, role, stepKey, null, workingDays, cancellationToken);
            lines.AddRange(outcome.Changes);
        }
        if (lines.Count > 0)
        {
            AddHistory(db, project, history, stepKey, lotNumber, $"法定时限：{step.Name}{LotText(lotNumber)}", userName, role, nowUtc, string.Join("；", lines));
        }
    }

    /// <summary>What recording one event changed (history lines) and, when it changed nothing, why not.</summary>
    public sealed record Outcome(IReadOnlyList<string> Changes, IReadOnlyList<string> Unchanged);

    /// <summary>Records <paramref name="eventKey"/> and applies it to the duties; refuses a done date before its duty started.</summary>
    public static async Task<Outcome> ApplyAsync(TradeDbContext db, TradeProject project, WorkflowBody body, int? lotNumber, string eventKey,
        DateTime occurredUtc, DateTime nowUtc, string? by, string? role, string? stepKey, string? note, IWorkingDayCalculator workingDays,
        CancellationToken cancellationToken)
    {
        await db.Set<ProjectDuty>().Where(d => d.ProjectId == project.Id).LoadAsync(cancellationToken);
        await db.Set<ProjectEvent>().Where(e => e.ProjectId == project.Id).LoadAsync(cancellationToken);
        var duties = db.Set<ProjectDuty>().Local.Where(d => d.ProjectId == project.Id).ToList();
        var events = db.Set<ProjectEvent>().Local.Where(e => e.ProjectId == project.Id).ToList();
        var changes = new List<string>();
        var unchanged = new List<string>();
        var occurredOn = ChinaTime.DateOf(occurredUtc);
        var closed = new HashSet<string>(StringComparer.Ordinal);

        foreach (var duty in duties.Where(d => d.DoneEvent == eventKey && d.DoneUtc is null && (lotNumber is null || d.LotNumber == lotNumber)).ToList())
        {
            if (occurredOn < ChinaTime.DateOf(duty.StartedUtc))
            {
                throw new DomainException($"{DutyEvents.Chinese(eventKey)}的日期 {ChinaTime.FormatDate(occurredOn)} 早于“{duty.Name}”的起算日期 {ChinaTime.FormatDate(ChinaTime.DateOf(duty.StartedUtc))}（{DutyEvents.Chinese(duty.AfterEvent)}）。");
            }
            duty.Complete(occurredUtc, by);
            closed.Add(duty.DutyKey);
            changes.Add(Done(duty));
        }
        foreach (var rule in body.Duties.Where(d => d.DoneEvent == eventKey && !closed.Contains(d.Key)))
        {
            unchanged.Add(duties.Any(d => d.DutyKey == rule.Key && (lotNumber is null || d.LotNumber == lotNumber))
                ? $"“{rule.Name}”已办理"
                : $"“{rule.Name}”尚未起算，请先登记“{DutyEvents.Chinese(rule.AfterEvent)}”");
        }

        foreach (var rule in body.Duties.Where(d => d.AfterEvent == eventKey))
        {
            if (duties.FirstOrDefault(d => d.DutyKey == rule.Key && d.LotNumber == lotNumber) is { } started)
            {
                unchanged.Add($"“{rule.Name}”已于 {ChinaTime.FormatDate(ChinaTime.DateOf(started.StartedUtc))} 起算");
                continue;
            }
            var end = await Periods.EndAsync(workingDays, occurredUtc, rule.Days, rule.WorkingDays, PeriodKind.Duration, cancellationToken);
            var duty = new ProjectDuty(project.Id, lotNumber, rule, occurredUtc, end);
            var line = $"“{duty.Name}”{LotText(lotNumber)}起算：{Periods.Days(duty.Days, duty.WorkingDays)}内，至{ChinaTime.FormatDate(duty.LastDay)} 24时届满（{duty.LegalBasis}）"
                       + (end.CoverageWarning is null ? "" : end.WarningSuffix);
            // Its done event may have been recorded already (the anchor is recorded late): the duty is done then.
            if (events.Where(e => e.EventKey == rule.DoneEvent && (e.LotNumber is null || e.LotNumber == lotNumber) && ChinaTime.DateOf(e.OccurredUtc) >= occurredOn)
                    .OrderBy(e => e.OccurredUtc).FirstOrDefault() is { } done)
            {
                duty.Complete(done.OccurredUtc, done.RecordedBy);
                line += "；" + Done(duty);
            }
            db.Set<ProjectDuty>().Add(duty);
            duties.Add(duty);
            changes.Add(line);
        }
        db.Set<ProjectEvent>().Add(new ProjectEvent(project.Id, lotNumber, eventKey, occurredUtc, nowUtc, by, role, stepKey, note));
        return new Outcome(changes, unchanged);
    }

    /// <summary>
    /// A line in the history of the project, or of lot <paramref name="lotNumber"/> when its lots move separately (then
    /// <paramref name="stepKey"/> is the lot's step), numbered after every line already added to <paramref name="db"/>.
    /// </summary>
    public static void AddHistory(TradeDbContext db, TradeProject project, IReadOnlyList<ProjectStepRecord> history, string stepKey, int? lotNumber,
        string action, string? userName, string? role, DateTime nowUtc, string? opinion)
    {
        var sequence = history.Select(h => h.Sequence)
            .Concat(db.ProjectSteps.Local.Where(s => s.ProjectId == project.Id).Select(s => s.Sequence))
            .DefaultIfEmpty(0).Max() + 1;
        var text = opinion is null ? null : opinion[..Math.Min(opinion.Length, 2000)];
        db.ProjectSteps.Add(new ProjectStepRecord(project.Id, sequence, stepKey, stepKey, null,
            action[..Math.Min(action.Length, 200)], userName, role, nowUtc, text, lotNumber));
    }

    public static string LotText(int? lotNumber) => lotNumber is { } n ? $"（第{n}标段/包）" : "";

    private static string Done(ProjectDuty duty) => duty.StatusAt(duty.DoneUtc!.Value) == DutyStatus.DoneOnTime
        ? $"“{duty.Name}”{LotText(duty.LotNumber)}已按期办理（{ChinaTime.FormatDate(ChinaTime.DateOf(duty.DoneUtc!.Value))}，期限至{ChinaTime.FormatDate(duty.LastDay)} 24时）"
        : $"“{duty.Name}”{LotText(duty.LotNumber)}逾期办理（{ChinaTime.FormatDate(ChinaTime.DateOf(duty.DoneUtc!.Value))}，期限至{ChinaTime.FormatDate(duty.LastDay)} 24时，{duty.LegalBasis}）";
}
