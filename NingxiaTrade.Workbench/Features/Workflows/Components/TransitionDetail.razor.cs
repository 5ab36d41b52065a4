using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Components;

/// <summary>A transition's guards (from the registry only), its timer and whether it waits for the step's minimum.</summary>
public sealed partial class TransitionDetail
{
    [Parameter, EditorRequired] public WorkflowTransition Transition { get; set; } = new();

    private Task SetTimerAsync(bool on) => EditAsync(() => Transition.Timer = on ? Transition.Timer ?? new WorkflowTimer() : null);

    private Task SetWorkingAsync(GuardUse use, GuardParameter p, bool on) => SetAsync(use, p, on ? "true" : "false");

    private Task AddGuardAsync() => EditAsync(() => Transition.Guards.Add(new GuardUse { Name = WorkflowGuards.All[0].Name }));

    // An emptied parameter is absent, not blank: the validator then names a missing required one.
    private Task SetAsync(GuardUse use, GuardParameter p, string? value) => EditAsync(() =>
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            use.Parameters.Remove(p.Name);
        }
        else
        {
            use.Parameters[p.Name] = value.Trim();
        }
    });
}
