using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Projects;

/// <summary>
/// One duty of a project as the duty list shows it: a started one (<see cref="Id"/> set) or one of the flow's duties whose
/// event has not been recorded yet (<see cref="DutyStatus.NotStarted"/>). <see cref="DaysLeft"/>: days until the last day
/// (0 = today is the last day), negative when overdue; null when not started or done.
/// </summary>
public sealed record DutyView(Guid? Id, int? LotNumber, string Key, string Name, string AfterEvent, string AfterEventName, string DoneEvent,
    string DoneEventName, int Days, bool WorkingDays, string LegalBasis, DutyStatus Status, DateTime? StartedUtc, DateTime? DueUtc,
    DateOnly? LastDay, int? DaysLeft, DateTime? DoneUtc, string? DoneBy, string? CoverageWarning);

/// <summary>An event a person may record on the project (the flow's duties count from it or are fulfilled by it).</summary>
public sealed record DutyEventOption(string Key, string Name);

/// <summary>The duty list of a project, the events that may be recorded, its lots, and whether this user may record.</summary>
public sealed record ProjectDutySheet(IReadOnlyList<DutyView> Duties, IReadOnlyList<DutyEventOption> Events, IReadOnlyList<int> Lots, bool CanRecord);

/// <summary>One overdue duty of the home panels (逾期未履行事项).</summary>
public sealed record OverdueDuty(Guid DutyId, Guid ProjectId, string ProjectCode, string ProjectName, int? LotNumber, string Name,
    string AfterEventName, string LegalBasis, DateTime StartedUtc, DateTime DueUtc, int DaysOverdue);

/// <summary>
/// Duties with a deadline (法定时限事项, issue 10 item 4): the list on the project page, recording an event by a person, the
/// overdue lists of the clerks' and supervisors' home panels, and the once-only overdue reminder. A duty never blocks a move.
/// </summary>
public sealed class ProjectDutyService(
    IDbContextFactory<TradeDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider time,
    IWorkingDayCalculator workingDays,
    INotifier? notifier = null)
{
    private static readonly string[] Readers = [Roles.Admin, Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor];
    private static readonly string[] Recorders = [Roles.CentreClerk, Roles.Tenderer, Roles.Agent];

    /// <summary>The project's duties: every started one, then the flow's duties not started yet.</summary>
    public async Task<ProjectDutySheet> ForProjectAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await (await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.AsNoTracking().Include(p => p.Lots), cancellationToken))
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken) ?? throw new DomainException("项目不存在或您无权查看。");
        var body = await BodyAsync(db, project, cancellationToken);
        var rows = await db.Set<ProjectDuty>().AsNoTracking().Where(d => d.ProjectId == projectId).ToListAsync(cancellationToken);
        var now = Now;
        var today = ChinaTime.DateOf(now);
        var views = rows
            .OrderBy(d => d.LotNumber ?? 0).ThenBy(d => d.StartedUtc).ThenBy(d => d.Name)
            .Select(d =>
            {
                var status = d.StatusAt(now);
                int? left = status is DutyStatus.Open or DutyStatus.Overdue ? d.LastDay.DayNumber - today.DayNumber : null;
                return new DutyView(d.Id, d.LotNumber, d.DutyKey, d.Name, d.AfterEvent, DutyEvents.Chinese(d.AfterEvent), d.DoneEvent,
                    DutyEvents.Chinese(d.DoneEvent), d.Days, d.WorkingDays, d.LegalBasis, status, d.StartedUtc, d.DueUtc, d.LastDay, left,
                    d.DoneUtc, d.DoneBy, d.CoverageWarning);
            })
            .Concat(body.Duties.Where(r => rows.All(d => d.DutyKey != r.Key)).Select(r =>
                new DutyView(null, null, r.Key, r.Name, r.AfterEvent, DutyEvents.Chinese(r.AfterEvent), r.DoneEvent, DutyEvents.Chinese(r.DoneEvent),
                    r.Days, r.WorkingDays, r.LegalBasis, DutyStatus.NotStarted, null, null, null, null, null, null, null)))
            .ToList();
        var canRecord = Recorders.Any(currentUser.IsInRole) && body.Step(project.CurrentStep)?.IsFinal != true && body.Duties.Count > 0;
        return new ProjectDutySheet(views, DutyEvents.UsedBy(body).Select(e => new DutyEventOption(e.Key, e.Name)).ToList(),
            project.Lots.Select(l => l.Number).Order().ToList(), canRecord);
    }

    /// <summary>
    /// A person records that <paramref name="eventKey"/> happened at <paramref name="occurredUtc"/> (e.g. the contract was signed):
    /// the duties it fulfils are done (on time or late), those that count from it start. Refused, with nothing changed, for
    /// an unknown event, one the flow's duties do not use, a time in the future or before the duty started, a finished
    /// project, or when it would change no duty.
    /// </summary>
    public async Task RecordEventAsync(Guid projectId, int? lotNumber, string eventKey, DateTime occurredUtc, string? note,
        CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Recorders);
        if (!DutyEvents.IsKnown(eventKey))
        {
            throw new DomainException("未知的事项，请从列表中选择。");
        }
        occurredUtc = ChinaTime.EnsureUtc(occurredUtc);
        if (occurredUtc > Now)
        {
            throw new DomainException($"“{DutyEvents.Chinese(eventKey)}”的发生时间 {ChinaTime.Format(occurredUtc)} 晚于当前时间，不能预先登记。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await (await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.AsNoTracking().Include(p => p.Lots), cancellationToken))
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken) ?? throw new DomainException("项目不存在或您无权查看。");
        var body = await BodyAsync(db, project, cancellationToken);
        // Once the lots move separately, a lot's event is recorded in that lot's own history and step.
        var ownLot = lotNumber is { } n ? project.Lots.FirstOrDefault(l => l.Number == n && l.CurrentStep is not null) : null;
        var step = ownLot?.CurrentStep ?? project.CurrentStep;
        if (body.Step(step) is { IsFinal: true } final)
        {
            throw new DomainException($"{(ownLot is null ? "项目" : $"第{ownLot.Number}标段（包）")}已结束（{final.Name}），不能再登记事项。");
        }
        if (DutyEvents.UsedBy(body).All(e => e.Key != eventKey))
        {
            throw new DomainException($"本项目流程的法定时限事项不涉及“{DutyEvents.Chinese(eventKey)}”，无需登记。");
        }
        if (lotNumber is { } lot && project.Lots.All(l => l.Number != lot))
        {
            throw new DomainException($"本项目没有第{lot}标段（包）。");
        }
        if (ChinaTime.DateOf(occurredUtc) < ChinaTime.DateOf(project.CreatedUtc))
        {
            throw new DomainException($"“{DutyEvents.Chinese(eventKey)}”的日期早于项目登记日期 {ChinaTime.FormatDate(ChinaTime.DateOf(project.CreatedUtc))}。");
        }
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)];
        var outcome = await ProjectDuties.ApplyAsync(db, project, body, lotNumber, eventKey, occurredUtc, Now, currentUser.ActorName(), currentUser.Role,
            null, trimmed, workingDays, cancellationToken);
        if (outcome.Changes.Count == 0)
        {
            throw new DomainException($"登记“{DutyEvents.Chinese(eventKey)}”不影响任何法定时限事项：{string.Join("；", outcome.Unchanged)}。");
        }
        var history = await db.ProjectSteps.AsNoTracking().Where(s => s.ProjectId == projectId).ToListAsync(cancellationToken);
        ProjectDuties.AddHistory(db, project, history, step, ownLot?.Number,
            $"登记事项：{DutyEvents.Chinese(eventKey)}{ProjectDuties.LotText(lotNumber)}（{ChinaTime.FormatDate(ChinaTime.DateOf(occurredUtc))}）",
            currentUser.DisplayName, currentUser.Role, Now, string.Join("；", outcome.Changes) + (trimmed is null ? "" : $"。说明：{trimmed}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone recorded or moved the project meanwhile (a duty's revision or the history sequence was taken).
            throw new DomainException("该项目已被他人处理，请刷新页面查看最新状态后再操作。");
        }
    }

    /// <summary>
    /// 逾期未履行事项 of the projects this user sees (<see cref="ProjectScope"/>: a clerk its centre's, a supervisor its
    /// department's), longest overdue first, one page at a time (<paramref name="page"/> 0-based).
    /// </summary>
    public async Task<PagedResult<OverdueDuty>> OverdueAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin, Roles.CentreClerk, Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var projects = await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.AsNoTracking(), cancellationToken);
        var overdue = from d in db.Set<ProjectDuty>().AsNoTracking()
                      where d.DoneUtc == null && d.DueUtc <= now
                      join p in projects on d.ProjectId equals p.Id
                      select new { Duty = d, p.Code, p.Name };
        var total = await overdue.CountAsync(cancellationToken);
        var rows = await overdue.OrderBy(x => x.Duty.DueUtc).ThenBy(x => x.Duty.Id).Page(page, pageSize).ToListAsync(cancellationToken);
        var today = ChinaTime.DateOf(now);
        return new PagedResult<OverdueDuty>(rows.Select(x => new OverdueDuty(x.Duty.Id, x.Duty.ProjectId, x.Code, x.Name, x.Duty.LotNumber, x.Duty.Name,
            DutyEvents.Chinese(x.Duty.AfterEvent), x.Duty.LegalBasis, x.Duty.StartedUtc, x.Duty.DueUtc, today.DayNumber - x.Duty.LastDay.DayNumber)).ToList(), total);
    }

    /// <summary>
    /// Tells the project's centre clerks and its supervising department, once per duty, that a duty is overdue (the minute
    /// job calls this next to the step timers). Returns how many duties were reported.
    /// </summary>
    public async Task<int> NotifyOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Set<ProjectDuty>().AsNoTracking()
                .Where(d => d.DoneUtc == null && d.DueUtc <= now && d.OverdueNotifiedUtc == null)
                .OrderBy(d => d.DueUtc).Select(d => d.Id).Take(200).ToListAsync(cancellationToken);
        }
        var count = 0;
        foreach (var id in due)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var duty = await db.Set<ProjectDuty>().FirstAsync(d => d.Id == id, cancellationToken);
            if (duty.DoneUtc is not null || duty.OverdueNotifiedUtc is not null)
            {
                continue;
            }
            var project = await db.TradeProjects.AsNoTracking().FirstAsync(p => p.Id == duty.ProjectId, cancellationToken);
            duty.OverdueNotified(now);
            await notifier.TellAsync(db, Recipients.Project(project.Id, ProjectParty.CentreClerks | ProjectParty.Supervisors), NotificationKind.DutyOverdue,
                $"法定时限逾期：{project.Name}",
                $"项目 {project.Code}{ProjectDuties.LotText(duty.LotNumber)}“{duty.Name}”应自{DutyEvents.Chinese(duty.AfterEvent)}之日（{ChinaTime.FormatDate(ChinaTime.DateOf(duty.StartedUtc))}）起"
                + $"{Periods.Days(duty.Days, duty.WorkingDays)}内办理，期限已于{ChinaTime.FormatDate(duty.LastDay)} 24时届满，尚未登记办理（{duty.LegalBasis}）。",
                $"/projects/{project.Id}", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                count++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Done or reported by someone else meanwhile: nothing to tell.
            }
        }
        return count;
    }

    private static async Task<WorkflowBody> BodyAsync(TradeDbContext db, TradeProject project, CancellationToken cancellationToken) =>
        WorkflowDefinition.ParseBody(await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == project.WorkflowDefinitionId)
            .Select(d => d.BodyJson).FirstAsync(cancellationToken));

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
