using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Components;

/// <summary>
/// The editors change the draft's body in place and then tell the designer, which validates and redraws.
/// Nothing is saved until the designer's 保存.
/// </summary>
public abstract class BodyEditorBase : ComponentBase
{
    [Parameter, EditorRequired] public WorkflowBody Body { get; set; } = new();
    [Parameter] public bool ReadOnly { get; set; }
    [Parameter] public EventCallback Changed { get; set; }

    protected Task EditAsync(Action edit)
    {
        edit();
        return Changed.InvokeAsync();
    }
}
