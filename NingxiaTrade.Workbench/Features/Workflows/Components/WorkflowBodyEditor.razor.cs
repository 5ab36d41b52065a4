using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Components;

/// <summary>The designer's working area: steps, transitions and the bid-deadline rule, with the validator's faults and the diagram kept live.</summary>
public sealed partial class WorkflowBodyEditor
{
    private int _tab;
    private IReadOnlyList<string> _faults = [];
    private string _diagram = "";

    [Parameter, EditorRequired] public WorkflowBody Body { get; set; } = new();
    [Parameter] public bool ReadOnly { get; set; }
    /// <summary>Raised after every edit, with the faults the validator now finds.</summary>
    [Parameter] public EventCallback<IReadOnlyList<string>> Changed { get; set; }

    protected override void OnParametersSet() => Refresh();

    private async Task OnChangedAsync()
    {
        Refresh();
        await Changed.InvokeAsync(_faults);
    }

    private void Refresh()
    {
        _faults = WorkflowValidator.Validate(Body);
        _diagram = WorkflowEngine.Mermaid(Body);
    }
}
