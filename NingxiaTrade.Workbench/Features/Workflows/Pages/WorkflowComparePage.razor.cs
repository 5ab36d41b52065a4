using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Pages;

/// <summary>Two versions of a flow side by side: what changed (older → newer) and both diagrams.</summary>
public sealed partial class WorkflowComparePage
{
    private WorkflowDefinition? _older;
    private WorkflowDefinition? _newer;
    private IReadOnlyList<WorkflowDifference> _differences = [];
    private string? _error;

    [SupplyParameterFromQuery(Name = "a")] public Guid? A { get; set; }
    [SupplyParameterFromQuery(Name = "b")] public Guid? B { get; set; }

    [Inject] private WorkflowDefinitionService Definitions { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        if (A is not { } a || B is not { } b)
        {
            _error = "请在流程定义列表中选择要比较的两个版本。";
            return;
        }
        try
        {
            var first = await Definitions.GetAsync(a);
            var second = await Definitions.GetAsync(b);
            // Read as "what changed since the older version", whichever order the link gave.
            (_older, _newer) = first.Version <= second.Version ? (first, second) : (second, first);
            _differences = WorkflowDefinitionService.Compare(_older.Body, _newer.Body);
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }
}
