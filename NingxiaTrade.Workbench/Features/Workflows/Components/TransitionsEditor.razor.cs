using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Components;

/// <summary>The transitions of a draft: trigger, name, from/to, roles, approval; guards and timer in a detail row.</summary>
public sealed partial class TransitionsEditor
{
    private readonly HashSet<WorkflowTransition> _open = [];


    private void Toggle(WorkflowTransition t)
    {
        if (!_open.Remove(t))
        {
            _open.Add(t);
        }
    }

    /// <summary>A new transition starts at the first step and leads nowhere yet: the validator says so until a target is chosen.</summary>
    private Task AddAsync() => EditAsync(() =>
    {
        var n = Body.Transitions.Count + 1;
        while (Body.Transitions.Any(t => t.Trigger == $"Go{n}"))
        {
            n++;
        }
        Body.Transitions.Add(new WorkflowTransition
        {
            Trigger = $"Go{n}",
            Name = $"新流转{n}",
            From = Body.Steps.FirstOrDefault()?.Key ?? "",
            Roles = [Roles.CentreClerk],
        });
    });

    private Task RemoveAsync(WorkflowTransition t) => EditAsync(() =>
    {
        Body.Transitions.Remove(t);
        _open.Remove(t);
    });

    private static string RolesText(IReadOnlyList<string> roles) => string.Join("、", roles.Select(Roles.Chinese));
}
