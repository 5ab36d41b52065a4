using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Components;

/// <summary>The steps of a draft: add, rename, remove, reorder, final, minimum period and its legal basis, initial step.</summary>
public sealed partial class StepsEditor
{

    // The Chinese name is what people read; the internal key only when the step has no name yet.
    internal static string StepLabel(WorkflowStep step) => string.IsNullOrWhiteSpace(step.Name) ? step.Key : step.Name;

    private Task SetInitialAsync(string key) => EditAsync(() => Body.InitialStep = key);

    private Task AddAsync() => EditAsync(() =>
    {
        var n = Body.Steps.Count + 1;
        while (Body.Step($"Step{n}") is not null)
        {
            n++;
        }
        Body.Steps.Add(new WorkflowStep { Key = $"Step{n}", Name = $"新环节{n}" });
        if (Body.Steps.Count == 1)
        {
            Body.InitialStep = Body.Steps[0].Key;
        }
    });

    /// <summary>Removes the step and every transition into or out of it (they would lead nowhere).</summary>
    private Task RemoveAsync(WorkflowStep step) => EditAsync(() =>
    {
        Body.Steps.Remove(step);
        Body.Transitions.RemoveAll(t => t.From == step.Key || t.To == step.Key);
        if (Body.InitialStep == step.Key)
        {
            Body.InitialStep = Body.Steps.FirstOrDefault()?.Key ?? "";
        }
    });

    private Task MoveAsync(WorkflowStep step, int by) => EditAsync(() =>
    {
        var index = Body.Steps.IndexOf(step);
        Body.Steps.RemoveAt(index);
        Body.Steps.Insert(Math.Clamp(index + by, 0, Body.Steps.Count), step);
    });

    /// <summary>A new key follows the step everywhere it is named: transitions, the initial step, guards and the deadline rule.</summary>
    private Task RekeyAsync(WorkflowStep step, string key) => EditAsync(() =>
    {
        var old = step.Key;
        key = key.Trim();
        step.Key = key;
        if (Body.Steps.Any(s => s.Key == old))
        {
            return; // another step still carries the old key: its references stay with it
        }
        foreach (var t in Body.Transitions)
        {
            t.From = t.From == old ? key : t.From;
            t.To = t.To == old ? key : t.To;
            foreach (var guard in t.Guards.Where(g => g.Parameters.GetValueOrDefault("step") == old))
            {
                guard.Parameters["step"] = key;
            }
        }
        Body.InitialStep = Body.InitialStep == old ? key : Body.InitialStep;
        if (Body.BidDeadline?.FromStep == old)
        {
            Body.BidDeadline.FromStep = key;
        }
    });
}
