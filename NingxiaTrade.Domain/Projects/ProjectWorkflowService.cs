using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Domain.Projects;

/// <summary>An item of a supervisor's inbox (待审批).</summary>
public sealed record InboxItem(ApprovalRequest Request, string ProjectCode, string ProjectName, TradeType TradeType,
    string FromStepName, string ToStepName, bool NeedsBelowAppraisalConsent, string? LotLabel = null);

/// <summary>One decision of the supervisor's 已办 list.</summary>
public sealed record DoneItem(Guid RequestId, Guid ProjectId, string ProjectCode, string ProjectName, TradeType TradeType, string Action,
    string? RequestedBy, DateTime RequestedUtc, ApprovalStatus Status, string Opinion, DateTime DecidedUtc);

/// <summary>
/// Where one subject of a project stands — the project as a whole, or one lot once the lots move separately — with the
/// actions this user may take there (and why not).
/// </summary>
public sealed record SubjectActions(int? LotNumber, string Label, string CurrentStep, string CurrentStepName, bool IsFinal,
    DateTime? BidDeadlineUtc, DateTime? DocumentsIssuedUtc, ApprovalRequest? PendingApproval, IReadOnlyList<WorkflowAction> Actions);

/// <summary>
/// Moves projects through their workflow: the actions a user may take now (and why not), firing them,
/// the supervising department's approvals, the bid deadline, and the platform's timers. Every move is one
/// transaction with its history record and audit entries; two people firing at once: one wins.
/// </summary>
public sealed class ProjectWorkflowService(
    IDbContextFactory<TradeDbContext> contexts,
    ICurrentUser currentUser,
    TimeProvider time,
    WorkflowEngine engine,
    IEnumerable<IWorkflowEventHandler> handlers,
    ILogger<ProjectWorkflowService> logger,
    INotifier? notifier = null,
    IEnumerable<IBidDeadlineFloorSource>? floors = null) : IBidDeadlineExtender
{
    private static readonly string[] Readers = [Roles.Admin, Roles.CentreClerk, Roles.Tenderer, Roles.Agent, Roles.Supervisor];

    /// <summary>
    /// Every action out of the project's current step for this user, each allowed or refused with its reasons; none once
    /// the lots move separately (<see cref="SubjectsAsync"/> then has each lot's).
    /// </summary>
    public async Task<IReadOnlyList<WorkflowAction>> ActionsAsync(Guid projectId, CancellationToken cancellationToken = default) =>
        (await SubjectsAsync(projectId, cancellationToken)) is [{ LotNumber: null } whole] ? whole.Actions : [];

    /// <summary>
    /// Where the project stands and what this user may do: one entry for the project as a whole, or — once its lots move
    /// separately (from the flow's <see cref="WorkflowBody.LotsFromStep"/>) — one per lot in number order.
    /// </summary>
    public async Task<IReadOnlyList<SubjectActions>> SubjectsAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var details = await ProjectRegistration.LoadDetailsAsync(db, currentUser, projectId, cancellationToken);
        var body = details.Definition.Body;
        var subjects = FlowSubject.All(details.Project);
        var pendingIds = subjects.Select(s => s.PendingApprovalId).OfType<Guid>().ToList();
        var pending = await db.ApprovalRequests.AsNoTracking().Where(a => pendingIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var result = new List<SubjectActions>();
        foreach (var subject in subjects)
        {
            var actions = await engine.EvaluateAsync(subject, body, details.History, Now, MyRoles(), false, cancellationToken);
            result.Add(new SubjectActions(subject.LotNumber, subject.Label, subject.CurrentStep, body.Step(subject.CurrentStep)?.Name ?? subject.CurrentStep,
                body.Step(subject.CurrentStep)?.IsFinal == true, subject.BidDeadlineUtc, subject.DocumentsIssuedUtc,
                subject.PendingApprovalId is { } id ? pending.GetValueOrDefault(id) : null, actions));
        }
        return result;
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> for the project as a whole. A transition that needs approval lands in the
    /// supervising department's inbox instead of moving. <paramref name="revision"/> is the project revision the user saw.
    /// </summary>
    public Task FireAsync(Guid projectId, string trigger, int revision, string? note = null, CancellationToken cancellationToken = default) =>
        FireAsync(projectId, null, trigger, revision, note, cancellationToken);

    /// <summary>Fires <paramref name="trigger"/> for one lot once the lots move separately (e.g. re-tendering a lot with 2 bids).</summary>
    public Task FireLotAsync(Guid projectId, int lotNumber, string trigger, int revision, string? note = null, CancellationToken cancellationToken = default) =>
        FireAsync(projectId, (int?)lotNumber, trigger, revision, note, cancellationToken);

    private async Task FireAsync(Guid projectId, int? lotNumber, string trigger, int revision, string? note, CancellationToken cancellationToken)
    {
        currentUser.Demand(Readers);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (project, body, history) = await LoadForChangeAsync(db, projectId, revision, cancellationToken);
        var subject = FlowSubject.Of(project, lotNumber);
        var actions = await engine.EvaluateAsync(subject, body, history, Now, MyRoles(), false, cancellationToken);
        var action = actions.FirstOrDefault(a => a.Transition.Trigger == trigger)
            ?? throw new DomainException($"{subject.Label}当前环节“{body.Step(subject.CurrentStep)?.Name}”不能办理该操作。");
        if (!action.Allowed)
        {
            throw new DomainException($"{subject.Label}不能“{action.Transition.Name}”：{string.Join("；", action.Reasons)}。");
        }
        WorkflowStepChanged? change = null;
        if (action.Transition.RequiresApproval)
        {
            var request = new ApprovalRequest(project.Id, project.SupervisingDepartmentId, trigger, action.Transition.Name,
                subject.CurrentStep, action.Transition.To, currentUser.DisplayName, Now, Trim(note), subject.LotNumber);
            db.ApprovalRequests.Add(request);
            subject.AwaitApproval(request.Id);
            db.ProjectSteps.Add(Record(subject, history, subject.CurrentStep, subject.CurrentStep, trigger,
                $"提请审批：{action.Transition.Name}", currentUser.DisplayName, currentUser.Role, note));
            await notifier.ApprovalRequestedAsync(db, project, request, cancellationToken);
        }
        else
        {
            change = await MoveAsync(db, subject, body, history, actions, trigger, currentUser.DisplayName, currentUser.Role, note);
        }
        await SaveAsync(db, cancellationToken);
        await RaiseAsync(change, cancellationToken);
    }

    /// <summary>The supervisor's inbox: pending requests of its own department.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await MyDepartmentAsync(db, cancellationToken);
        var requests = await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.SupervisingDepartmentId == department && a.Status == ApprovalStatus.Pending)
            .OrderBy(a => a.RequestedUtc).Take(200).ToListAsync(cancellationToken);
        var projectIds = requests.Select(r => r.ProjectId).ToList();
        var projects = await db.TradeProjects.AsNoTracking().Include(p => p.Lots).Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var definitionIds = projects.Values.Select(p => p.WorkflowDefinitionId).Distinct().ToList();
        var bodies = (await db.WorkflowDefinitions.AsNoTracking().Where(d => definitionIds.Contains(d.Id)).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id, d => d.Body);
        return requests.Select(r =>
        {
            var p = projects[r.ProjectId];
            var body = bodies[p.WorkflowDefinitionId];
            var lot = r.LotNumber is { } n ? p.Lots.FirstOrDefault(l => l.Number == n) : null;
            return new InboxItem(r, p.Code, p.Name, p.TradeType, body.Step(r.FromStep)?.Name ?? r.FromStep, body.Step(r.ToStep)?.Name ?? r.ToStep,
                p.NeedsBelowAppraisalConsent, lot is null ? null : FlowSubject.LotLabel(p.TradeType, lot.Number, lot.Name));
        }).ToList();
    }

    /// <summary>
    /// 已办: the requests the current supervisor decided itself (approved or returned), newest first, one page at a
    /// time (<paramref name="page"/> 0-based).
    /// </summary>
    public async Task<PagedResult<DoneItem>> DoneAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        if (currentUser.UserId is not { } userId)
        {
            return new PagedResult<DoneItem>([], 0);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.ApprovalRequests.AsNoTracking().Where(a => a.DecidedByUserId == userId && a.Status != ApprovalStatus.Pending);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine
            .OrderByDescending(a => a.DecidedUtc).ThenBy(a => a.Id)
            .Page(page, pageSize)
            .Join(db.TradeProjects, a => a.ProjectId, p => p.Id, (a, p) => new DoneItem(a.Id, p.Id, p.Code, p.Name, p.TradeType, a.Action,
                a.RequestedBy, a.RequestedUtc, a.Status, a.Opinion ?? "", a.DecidedUtc ?? a.RequestedUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<DoneItem>(rows, total);
    }

    /// <summary>Number of pending requests for the supervisor's department (home panel badge).</summary>
    public async Task<int> InboxCountAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await MyDepartmentAsync(db, cancellationToken);
        return await db.ApprovalRequests.CountAsync(a => a.SupervisingDepartmentId == department && a.Status == ApprovalStatus.Pending, cancellationToken);
    }

    /// <summary>Approves (the move happens, guards checked again) or returns (the project stays) with a written opinion.</summary>
    public async Task DecideAsync(Guid requestId, bool approve, string opinion, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await MyDepartmentAsync(db, cancellationToken);
        var request = await db.ApprovalRequests.FirstOrDefaultAsync(a => a.Id == requestId, cancellationToken)
            ?? throw new DomainException("审批事项不存在。");
        if (request.SupervisingDepartmentId != department)
        {
            throw new AccessDeniedException("该事项不属于本部门审批。");
        }
        var project = await db.TradeProjects.Include(p => p.Lots).FirstAsync(p => p.Id == request.ProjectId, cancellationToken);
        var body = (await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == project.WorkflowDefinitionId, cancellationToken)).Body;
        var history = await db.ProjectSteps.AsNoTracking().Where(s => s.ProjectId == project.Id).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var subject = FlowSubject.Of(project, request.LotNumber);
        request.Decide(approve, opinion, currentUser.UserId, currentUser.ActorName(), Now);
        subject.ApprovalDecided();
        WorkflowStepChanged? change = null;
        if (approve)
        {
            if (subject.CurrentStep != request.FromStep)
            {
                throw new DomainException($"{(subject.Lot is null ? "项目" : subject.Label)}已不在提请审批时的环节，不能批准。");
            }
            // The requester's role was checked when the request was made; the other guards are checked again now.
            var actions = await engine.EvaluateAsync(subject, body, history, Now, roles: null, ignorePending: true, cancellationToken);
            change = await MoveAsync(db, subject, body, history, actions, request.Trigger, currentUser.DisplayName, currentUser.Role,
                request.Opinion, $"审批通过：{request.Action}");
        }
        else
        {
            project.Touch();
            db.ProjectSteps.Add(Record(subject, history, subject.CurrentStep, subject.CurrentStep, request.Trigger,
                $"审批退回：{request.Action}", currentUser.DisplayName, currentUser.Role, request.Opinion));
        }
        await notifier.ApprovalDecidedAsync(db, project, request, cancellationToken);
        await SaveAsync(db, cancellationToken);
        await RaiseAsync(change, cancellationToken);
    }

    /// <summary>
    /// Sets the bid deadline (投标截止时间): only once the project has entered the step the flow's rule counts from (the
    /// tender documents are issued then), and never earlier than the rule allows from that day — a lead time, so the
    /// deadline may fall on day N (《招标投标法》第二十四条).
    /// </summary>
    public Task SetBidDeadlineAsync(Guid projectId, int revision, DateTime deadlineUtc, CancellationToken cancellationToken = default) =>
        SetBidDeadlineAsync(projectId, null, revision, deadlineUtc, cancellationToken);

    /// <summary>
    /// Sets the bid deadline of one lot once the lots move separately: a lot re-tendered alone gets its own, counted from the
    /// day its documents were issued again.
    /// </summary>
    public async Task SetBidDeadlineAsync(Guid projectId, int? lotNumber, int revision, DateTime deadlineUtc, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk, Roles.Tenderer, Roles.Agent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (project, body, history) = await LoadForChangeAsync(db, projectId, revision, cancellationToken);
        await ApplyBidDeadlineAsync(db, FlowSubject.Of(project, lotNumber), body, history, deadlineUtc, null, cancellationToken);
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Moves the deadlines an amendment (or another module's rule) needs moved, with every check of
    /// <see cref="SetBidDeadlineAsync(Guid, int?, int, DateTime, CancellationToken)"/>, and the caller's own rows in the same transaction.
    /// </summary>
    public async Task<IReadOnlyList<MovedBidDeadline>> ExtendAsync(BidDeadlineExtension extension, Func<TradeDbContext, CancellationToken, Task> alongside,
        CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk, Roles.Tenderer, Roles.Agent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (project, body, history) = await LoadForChangeAsync(db, extension.ProjectId, extension.Revision, cancellationToken);
        // With no lot named: the project, or every lot still taking bids; a lot named while the lots move together: the project.
        var subjects = extension.LotNumber is { } number && project.LotsMoveSeparately
            ? [FlowSubject.Of(project, number)]
            : FlowSubject.All(project).Where(s => body.Step(s.CurrentStep)?.IsFinal != true && !(s.BidDeadlineUtc <= Now)).ToList();
        var moved = new List<MovedBidDeadline>();
        var log = history.ToList(); // each record numbered after the one before
        foreach (var subject in subjects.Where(s => s.BidDeadlineUtc is { } d && d < extension.Floor.EarliestUtc))
        {
            var previous = subject.BidDeadlineUtc;
            if (extension.NewDeadlineUtc is not { } deadline)
            {
                throw new DomainException($"{(subject.Lot is null ? "" : subject.Label)}投标截止时间 {ChinaTime.Format(previous)} 早于 {ChinaTime.Format(extension.Floor.EarliestUtc)}，应当顺延（{extension.Floor.Basis}），请设定新的投标截止时间。");
            }
            log.Add(await ApplyBidDeadlineAsync(db, subject, body, log, deadline, extension.Floor, cancellationToken));
            moved.Add(new MovedBidDeadline(subject.LotNumber, subject.Label, previous, subject.BidDeadlineUtc!.Value));
        }
        await alongside(db, cancellationToken);
        await SaveAsync(db, cancellationToken);
        return moved;
    }

    /// <summary>
    /// Sets one subject's deadline: the flow's lead time from the documents' issue, a passed lot deadline never moved, and
    /// the floors of other modules' rules (and <paramref name="extra"/>) — the latest of them is the earliest allowed.
    /// </summary>
    private async Task<ProjectStepRecord> ApplyBidDeadlineAsync(TradeDbContext db, FlowSubject subject, WorkflowBody body, IReadOnlyList<ProjectStepRecord> history,
        DateTime deadlineUtc, BidDeadlineFloor? extra, CancellationToken cancellationToken)
    {
        var project = subject.Project;
        var rule = body.BidDeadline ?? throw new DomainException("该流程不设投标截止时间。");
        if (project.IsSuspended)
        {
            throw new DomainException($"项目已暂停（{project.SuspendedReason}），解除暂停前不能设定投标截止时间。");
        }
        var context = new GuardContext(subject, history, body, Now, engine.WorkingDays, []);
        var stepName = body.Step(rule.FromStep)?.Name ?? rule.FromStep;
        if (context.EnteredUtc(rule.FromStep) is null || body.Step(subject.CurrentStep)?.IsFinal == true)
        {
            throw new DomainException($"{(subject.Lot is null ? "项目" : subject.Label)}进入“{stepName}”环节（招标文件开始发出）后方可设定投标截止时间，截止时间自该日起算。");
        }
        if (subject.Lot is not null && subject.BidDeadlineUtc is { } current && current <= Now)
        {
            // Opening happens at the deadline (《招标投标法》第三十四条): a passed deadline is not moved; a re-tender starts a new round.
            throw new DomainException($"{subject.Label}的投标截止时间 {ChinaTime.Format(current)} 已过，不能再更改；投标人不足的应重新招标。");
        }
        if (ChinaTime.EnsureUtc(deadlineUtc) <= Now)
        {
            throw new DomainException("投标截止时间应晚于当前时间。");
        }
        var end = await context.PeriodEndsAsync(context.BidPeriodAnchorUtc()!.Value, rule.Days, rule.WorkingDays, rule.Kind, cancellationToken);
        var earliest = ChinaTime.StartOfDayUtc(end.EarliestDate);
        var basis = (rule.LegalBasis ?? "") + (end.CoverageWarning is null ? "" : "；" + end.CoverageWarning.TrimEnd('。'));
        foreach (var floor in await FloorsAsync(db, subject, extra, cancellationToken))
        {
            if (floor.EarliestUtc > earliest)
            {
                (earliest, basis) = (floor.EarliestUtc, floor.Basis);
            }
        }
        subject.SetBidDeadline(ChinaTime.EnsureUtc(deadlineUtc), earliest, basis);
        var record = Record(subject, history, subject.CurrentStep, subject.CurrentStep, null,
            $"设定投标截止时间：{ChinaTime.Format(subject.BidDeadlineUtc)}", currentUser.DisplayName, currentUser.Role, extra?.Basis);
        db.ProjectSteps.Add(record);
        return record;
    }

    private async Task<List<BidDeadlineFloor>> FloorsAsync(TradeDbContext db, FlowSubject subject, BidDeadlineFloor? extra, CancellationToken cancellationToken)
    {
        var result = extra is null ? new List<BidDeadlineFloor>() : [extra];
        foreach (var source in floors ?? [])
        {
            if (await source.FloorAsync(db, subject.Project.Id, subject.LotNumber, subject.DocumentsIssuedUtc, cancellationToken) is { } floor)
            {
                result.Add(floor);
            }
        }
        return result;
    }

    /// <summary>
    /// Suspends the project (暂停) with a reason — e.g. an objection to the evaluation result is open, so the award may
    /// not go on (《招标投标法实施条例》第五十四条第二款). Every move is refused until a clerk resumes it.
    /// </summary>
    public async Task SuspendAsync(Guid projectId, int revision, string reason, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (project, body, history) = await LoadForChangeAsync(db, projectId, revision, cancellationToken);
        if (body.Step(project.CurrentStep)?.IsFinal == true)
        {
            throw new DomainException("项目已结束，不能暂停。");
        }
        project.Suspend(reason, currentUser.ActorName(), Now);
        db.ProjectSteps.Add(Record(project, history, project.CurrentStep, project.CurrentStep, null, "暂停项目", currentUser.DisplayName, currentUser.Role, project.SuspendedReason));
        await notifier.SuspensionChangedAsync(db, project, true, project.SuspendedReason!, cancellationToken);
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>Lifts a suspension, with what resolved it (e.g. the objection was answered).</summary>
    public async Task ResumeAsync(Guid projectId, int revision, string note, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk);
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length < 4)
        {
            throw new DomainException("请说明解除暂停的理由（至少4个字符），如 “异议已答复”。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (project, _, history) = await LoadForChangeAsync(db, projectId, revision, cancellationToken);
        project.Resume();
        db.ProjectSteps.Add(Record(project, history, project.CurrentStep, project.CurrentStep, null, "解除暂停", currentUser.DisplayName, currentUser.Role, note));
        await notifier.SuspensionChangedAsync(db, project, false, note.Trim(), cancellationToken);
        await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Reminds, once per entry into a step, the people who may take a timed transition when the step's period has ended
    /// (the background service calls this each minute). The platform never takes the step itself: issuing the award
    /// notice, for one, is the tenderer's decision (《招标投标法》第四十五条, 《招标投标法实施条例》第五十五条).
    /// </summary>
    public async Task<int> RemindDueTimersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var definitions = await db.WorkflowDefinitions.AsNoTracking().Select(d => new { d.Id, d.BodyJson }).ToListAsync(cancellationToken);
        var timed = definitions
            .Select(d => (d.Id, Body: WorkflowDefinition.ParseBody(d.BodyJson)))
            .SelectMany(d => d.Body.Transitions.Where(t => t.Timer is not null).Select(t => (DefinitionId: d.Id, t.From)))
            .ToList();
        var reminded = 0;
        foreach (var group in timed.GroupBy(t => t.DefinitionId))
        {
            var steps = group.Select(g => g.From).Distinct().ToList();
            // A project waits in a timed step itself, or one of its lots does once the lots move separately.
            var candidates = await db.TradeProjects.AsNoTracking()
                .Where(p => p.WorkflowDefinitionId == group.Key && p.SuspendedReason == null
                            && (steps.Contains(p.CurrentStep) || p.Lots.Any(l => l.CurrentStep != null && steps.Contains(l.CurrentStep))))
                .Select(p => p.Id).Take(500).ToListAsync(cancellationToken);
            foreach (var id in candidates)
            {
                reminded += await RemindAsync(id, cancellationToken);
            }
        }
        return reminded;
    }

    private async Task<int> RemindAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var project = await db.TradeProjects.Include(p => p.Lots).FirstAsync(p => p.Id == projectId, cancellationToken);
        var body = (await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == project.WorkflowDefinitionId, cancellationToken)).Body;
        var history = await db.ProjectSteps.AsNoTracking().Where(s => s.ProjectId == project.Id).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var subject in FlowSubject.All(project))
        {
            var context = new GuardContext(subject, history, body, Now, engine.WorkingDays, []);
            var entered = context.EnteredUtc(subject.CurrentStep) ?? project.CreatedUtc;
            var stepName = subject.Label + (body.Step(subject.CurrentStep)?.Name ?? subject.CurrentStep);
            foreach (var transition in body.From(subject.CurrentStep).Where(t => t.Timer is not null))
            {
                var action = ReminderText(stepName, transition);
                if (subject.Own(history).Any(h => h.AtUtc >= entered && h.FromStep == h.ToStep && h.ToStep == subject.CurrentStep && h.Action == action))
                {
                    continue; // already reminded for this entry
                }
                var end = await context.PeriodEndsAsync(entered, transition.Timer!.Days, transition.Timer.WorkingDays, PeriodKind.Duration, cancellationToken);
                if (ChinaTime.DateOf(Now) < end.EarliestDate)
                {
                    continue;
                }
                db.ProjectSteps.Add(Record(subject, history, subject.CurrentStep, subject.CurrentStep, null, action, "平台定时任务", "System",
                    $"{stepName}期限至{ChinaTime.FormatDate(end.LastDay)} 24时届满"));
                await notifier.PeriodEndedAsync(db, project, stepName, transition, cancellationToken);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    return count; // the project moved meanwhile (history sequence taken); the next run sees the new step
                }
                count++;
                history = [.. history, db.ProjectSteps.Local.Last()];
            }
        }
        return count;
    }

    private static string ReminderText(string stepName, WorkflowTransition transition) => $"期限届满提醒：{stepName}期满，可办理“{transition.Name}”";

    private async Task<WorkflowStepChanged> MoveAsync(TradeDbContext db, FlowSubject subject, WorkflowBody body, IReadOnlyList<ProjectStepRecord> history,
        IReadOnlyList<WorkflowAction> actions, string trigger, string? userName, string? role, string? note, string? actionText = null)
    {
        var project = subject.Project;
        var from = subject.CurrentStep;
        var transition = actions.First(a => a.Transition.Trigger == trigger).Transition;
        await WorkflowEngine.MoveAsync(subject, body, actions, trigger);
        var bidPeriodStarted = body.BidDeadline is { } rule && rule.FromStep == subject.CurrentStep && from != subject.CurrentStep;
        if (bidPeriodStarted)
        {
            // 招标文件开始发出: the anchor of the bid deadline; a re-tender's old deadline no longer holds (a lot re-tendered alone: its own).
            subject.StartBidPeriod(Now);
        }
        db.ProjectSteps.Add(Record(subject, history, from, subject.CurrentStep, trigger, actionText ?? transition.Name, userName, role, note));
        await ProjectDuties.StepEnteredAsync(db, project, body, history, subject.CurrentStep, subject.LotNumber, engine.WorkingDays, Now, userName, role);
        return new WorkflowStepChanged(project.Id, project.Code, project.TradeType, from, subject.CurrentStep, trigger, Now, subject.LotNumber,
            bidPeriodStarted, WorkflowStepChanged.BidsRequiredBy(transition));
    }

    private async Task<(TradeProject Project, WorkflowBody Body, IReadOnlyList<ProjectStepRecord> History)> LoadForChangeAsync(
        TradeDbContext db, Guid projectId, int revision, CancellationToken cancellationToken)
    {
        var project = await (await ProjectScope.ApplyAsync(db, currentUser, db.TradeProjects.Include(p => p.Lots), cancellationToken))
            .FirstOrDefaultAsync(p => p.Id == projectId, cancellationToken) ?? throw new DomainException("项目不存在或您无权查看。");
        if (project.Revision != revision)
        {
            throw new DomainException("该项目已被他人处理，请刷新页面查看最新状态后再操作。");
        }
        // Optimistic concurrency: the update only succeeds if nobody changed the project since it was read.
        db.Entry(project).Property(p => p.Revision).OriginalValue = revision;
        var body = (await db.WorkflowDefinitions.AsNoTracking().FirstAsync(d => d.Id == project.WorkflowDefinitionId, cancellationToken)).Body;
        var history = await db.ProjectSteps.AsNoTracking().Where(s => s.ProjectId == projectId).OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        return (project, body, history);
    }

    private static async Task SaveAsync(TradeDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("该项目已被他人处理，请刷新页面查看最新状态后再操作。");
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
                                           || ex.InnerException?.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Two moves raced for the same history sequence number.
            throw new DomainException("该项目已被他人处理，请刷新页面查看最新状态后再操作。");
        }
    }

    private async Task RaiseAsync(WorkflowStepChanged? change, CancellationToken cancellationToken)
    {
        if (change is null)
        {
            return;
        }
        foreach (var handler in handlers)
        {
            try
            {
                await handler.HandleAsync(change, cancellationToken);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Workflow event handler {Handler} failed for project {Project}", handler.GetType().Name, change.ProjectId);
            }
        }
    }

    private ProjectStepRecord Record(TradeProject project, IReadOnlyList<ProjectStepRecord> history, string? from, string to,
        string? trigger, string action, string? userName, string? role, string? note, int? lotNumber = null) =>
        new(project.Id, (history.Count == 0 ? 0 : history.Max(h => h.Sequence)) + 1, from, to, trigger, action, userName, role, Now, Trim(note), lotNumber);

    /// <summary>A history record of the subject: a lot's carries its number.</summary>
    private ProjectStepRecord Record(FlowSubject subject, IReadOnlyList<ProjectStepRecord> history, string? from, string to,
        string? trigger, string action, string? userName, string? role, string? note) =>
        Record(subject.Project, history, from, to, trigger, action, userName, role, note, subject.LotNumber);

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim()[..Math.Min(text.Trim().Length, 2000)];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private IReadOnlyCollection<string> MyRoles() => Roles.All.Where(currentUser.IsInRole).ToList();

    private async Task<int> MyDepartmentAsync(TradeDbContext db, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.SupervisingDepartmentId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new AccessDeniedException("您的账户未关联行政监督部门。");
}
