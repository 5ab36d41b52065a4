using System.Text;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using Stateless;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>An action on the project page: may this user take it now, and if not, every reason why.</summary>
public sealed record WorkflowAction(WorkflowTransition Transition, string TargetName, bool Allowed, IReadOnlyList<string> Reasons);

/// <summary>
/// Runs a project's definition on a Stateless machine built per command (Stateless machines are not
/// thread-safe). Guards are asynchronous (working days, facts from later modules), so they are evaluated
/// first and the machine is configured with their outcomes.
/// </summary>
public sealed class WorkflowEngine(IWorkingDayCalculator workingDays, IEnumerable<IWorkflowFactSource> facts)
{
    public IWorkingDayCalculator WorkingDays => workingDays;

    /// <summary>The project as a whole (not once its lots move separately): see the <see cref="FlowSubject"/> overload.</summary>
    public Task<IReadOnlyList<WorkflowAction>> EvaluateAsync(
        TradeProject project, WorkflowBody body, IReadOnlyList<ProjectStepRecord> history, DateTime nowUtc,
        IReadOnlyCollection<string>? roles, bool ignorePending = false, CancellationToken cancellationToken = default) =>
        EvaluateAsync(FlowSubject.Whole(project), body, history, nowUtc, roles, ignorePending, cancellationToken);

    /// <summary>
    /// Every transition out of the subject's current step (the project's, or a lot's once the lots move separately),
    /// evaluated for a user with <paramref name="roles"/> (null: the platform's timer).
    /// </summary>
    public async Task<IReadOnlyList<WorkflowAction>> EvaluateAsync(
        FlowSubject subject, WorkflowBody body, IReadOnlyList<ProjectStepRecord> history, DateTime nowUtc,
        IReadOnlyCollection<string>? roles, bool ignorePending = false, CancellationToken cancellationToken = default)
    {
        var project = subject.Project;
        var context = new GuardContext(subject, history, body, nowUtc, workingDays, facts);
        var step = body.Step(subject.CurrentStep);
        var actions = new List<WorkflowAction>();
        foreach (var transition in body.From(subject.CurrentStep))
        {
            var reasons = new List<string>();
            if (roles is not null && !transition.Roles.Any(roles.Contains))
            {
                reasons.Add(transition.Roles.Count == 0
                    ? "该操作由平台定时自动执行"
                    : $"只有{string.Join("、", transition.Roles.Select(Roles.Chinese))}可以办理");
            }
            if (project.IsSuspended)
            {
                // 《招标投标法实施条例》第五十四条第二款: while an objection is open, the step does not go on.
                reasons.Add($"项目已于 {ChinaTime.Format(project.SuspendedUtc)} 暂停：{project.SuspendedReason}；解除暂停前不得办理");
            }
            if (subject.PendingApprovalId is not null && !ignorePending)
            {
                reasons.Add(subject.Lot is null ? "本项目有事项正在等待行政监督部门审批" : $"{subject.Label}有事项正在等待行政监督部门审批");
            }
            if (!transition.IgnoresStepMinimum && step?.MinimumDays is > 0 and var days)
            {
                var outcome = await new MinDaysSinceStepGuard().EvaluateAsync(context, new Dictionary<string, string>
                {
                    ["step"] = step.Key,
                    ["days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["workingDays"] = step.WorkingDays ? "true" : "false",
                    ["kind"] = step.PeriodKind.ToString(),
                    ["basis"] = StripPeriod(step.LegalBasis),
                }, cancellationToken);
                if (!outcome.Allowed)
                {
                    reasons.Add(outcome.Reason!);
                }
            }
            foreach (var use in transition.Guards)
            {
                var guard = WorkflowGuards.Find(use.Name);
                var outcome = guard is null
                    ? GuardOutcome.Refuse($"条件“{use.Name}”不在系统条件库中")
                    : await guard.EvaluateAsync(context, use.Parameters, cancellationToken);
                if (!outcome.Allowed)
                {
                    reasons.Add(outcome.Reason!);
                }
            }
            actions.Add(new WorkflowAction(transition, body.Step(transition.To)?.Name ?? transition.To, reasons.Count == 0, reasons));
        }
        return actions;
    }

    /// <summary>
    /// Moves the subject along <paramref name="trigger"/> on a Stateless machine configured with the evaluated
    /// actions; throws with every reason when the move is not permitted. A lot's move leaves the project where its least
    /// advanced lot stands (<see cref="TradeProject.FollowLots"/>); the project entering the flow's
    /// <see cref="WorkflowBody.LotsFromStep"/> sets its lots moving separately.
    /// </summary>
    public static async Task MoveAsync(FlowSubject subject, WorkflowBody body, IReadOnlyList<WorkflowAction> actions, string trigger)
    {
        var project = subject.Project;
        var action = actions.FirstOrDefault(a => a.Transition.Trigger == trigger)
            ?? throw new DomainException($"当前环节“{body.Step(subject.CurrentStep)?.Name ?? subject.CurrentStep}”不能办理该操作。");
        if (!action.Allowed)
        {
            throw new DomainException($"不能“{action.Transition.Name}”：{string.Join("；", action.Reasons)}。");
        }
        var allowed = actions.Where(a => a.Allowed).Select(a => a.Transition.Trigger).ToHashSet();
        var from = subject.CurrentStep;
        var machine = Build(subject, body, t => t.From == from && allowed.Contains(t.Trigger));
        if (!(await machine.GetPermittedTriggersAsync()).Contains(trigger))
        {
            throw new DomainException($"当前环节不能“{action.Transition.Name}”。");
        }
        await machine.FireAsync(trigger);
        if (subject.Lot is null && body.LotsFromStep is { } split && subject.CurrentStep == split)
        {
            project.SeparateLots(split);
        }
        project.FollowLots(body.Steps.Select(s => s.Key).ToList(), s => body.Step(s)?.IsFinal == true);
        project.Touch();
    }

    private static StateMachine<string, string> Build(FlowSubject subject, WorkflowBody body, Func<WorkflowTransition, bool> permitted)
    {
        var machine = new StateMachine<string, string>(() => subject.CurrentStep, subject.EnterStep);
        foreach (var transition in body.Transitions)
        {
            var t = transition;
            machine.Configure(t.From).PermitIf(t.Trigger, t.To, () => permitted(t), t.Name);
        }
        return machine;
    }

    /// <summary>A Mermaid state diagram of the flow, labelled in Chinese, for the designer and the public page.</summary>
    public static string Mermaid(WorkflowBody body, string? currentStep = null)
    {
        var sb = new StringBuilder("stateDiagram-v2\n");
        string Id(string key) => "s_" + new string(key.Where(char.IsLetterOrDigit).ToArray());
        foreach (var step in body.Steps)
        {
            var label = step.MinimumDays is > 0 ? $"{step.Name}（{step.PeriodKind.Chinese()}≥{Periods.Days(step.MinimumDays.Value, step.WorkingDays)}）" : step.Name;
            sb.Append("    ").Append(Id(step.Key)).Append(" : ").Append(Clean(label)).Append('\n');
        }
        if (body.Step(body.InitialStep) is not null)
        {
            sb.Append("    [*] --> ").Append(Id(body.InitialStep)).Append('\n');
        }
        foreach (var t in body.Transitions.Where(t => body.Step(t.From) is not null && body.Step(t.To) is not null))
        {
            var mark = t.RequiresApproval ? "【需审批】" : "";
            sb.Append("    ").Append(Id(t.From)).Append(" --> ").Append(Id(t.To)).Append(" : ").Append(Clean(mark + t.Name)).Append('\n');
        }
        foreach (var step in body.Steps.Where(s => s.IsFinal))
        {
            sb.Append("    ").Append(Id(step.Key)).Append(" --> [*]\n");
        }
        if (currentStep is not null && body.Step(currentStep) is not null)
        {
            sb.Append("    classDef current fill:#0b4f9c,color:#fff\n    class ").Append(Id(currentStep)).Append(" current\n");
        }
        return sb.ToString();
    }

    /// <summary>The structure as Stateless itself describes it (its own Mermaid output), for auditors.</summary>
    public static string StatelessGraph(WorkflowBody body)
    {
        var dummy = new TradeProjectState(body.InitialStep);
        var machine = new StateMachine<string, string>(() => dummy.Step, s => dummy.Step = s);
        foreach (var t in body.Transitions)
        {
            machine.Configure(t.From).PermitIf(t.Trigger, t.To, () => true, t.Name);
        }
        return Stateless.Graph.MermaidGraph.Format(machine.GetInfo());
    }

    private sealed class TradeProjectState(string step)
    {
        public string Step { get; set; } = step;
    }

    private static string Clean(string text) => text.Replace(":", "：").Replace("\n", " ").Replace(";", "；");

    private static string StripPeriod(string? basis) => basis ?? "";
}
