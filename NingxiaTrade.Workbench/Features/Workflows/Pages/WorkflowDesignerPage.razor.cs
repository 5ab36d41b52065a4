using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Workbench.Features.Workflows.Pages;

/// <summary>The designer of a draft (read-only for a published version): edits in memory, saves and publishes through the service.</summary>
public sealed partial class WorkflowDesignerPage
{
    private WorkflowDefinition? _definition;
    private WorkflowDefinition? _previous;
    private WorkflowBody? _body;
    private string _name = "";
    private IReadOnlyList<WorkflowDifference> _differences = [];
    private string? _error;
    private bool _dirty;
    private bool _busy;

    [Parameter] public Guid Id { get; set; }

    [Inject] private WorkflowDefinitionService Definitions { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private bool ReadOnly => _definition?.IsPublished != false || _definition.LegalReview == LegalReviewStatus.Pending;

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        try
        {
            _definition = await Definitions.GetAsync(Id);
            _body = _definition.Body;
            _name = _definition.Name;
            _dirty = false;
            var versions = await Definitions.ListAsync();
            _previous = versions.Where(v => v.DefinitionId == _definition.DefinitionId && v.Version < _definition.Version).MaxBy(v => v.Version);
            Compare();
        }
        catch (DomainException e)
        {
            _definition = null;
            _error = e.Message;
        }
    }

    private void MarkDirty() => _dirty = true;

    private void OnBodyChanged(IReadOnlyList<string> faults)
    {
        _dirty = true;
        Compare();
    }

    private void Compare() =>
        _differences = _previous is not null && _body is not null ? WorkflowDefinitionService.Compare(_previous.Body, _body) : [];

    private async Task SaveAsync()
    {
        if (await SaveCoreAsync() is { } faults)
        {
            Snackbar.Add(faults.Count == 0 ? "已保存，结构检查通过。" : $"已保存，尚有 {faults.Count} 个问题需修正后方可发布。",
                faults.Count == 0 ? Severity.Success : Severity.Warning);
        }
    }

    /// <summary>Publishing saves first, so what is published is what the designer shows.</summary>
    private async Task PublishAsync()
    {
        if (await SaveCoreAsync() is null)
        {
            return;
        }
        await RunAsync(async () =>
        {
            var lowered = await Definitions.PublishAsync(Id);
            Snackbar.Add(lowered.Count == 0
                ? $"第 {_definition!.Version} 版已发布，新登记的项目将使用此版本。"
                : $"第 {_definition!.Version} 版调低了 {lowered.Count} 项法定期限或条件，已提交法制审核，审核同意后发布。",
                lowered.Count == 0 ? Severity.Success : Severity.Warning);
            await OnParametersSetAsync();
        });
    }

    private async Task<IReadOnlyList<string>?> SaveCoreAsync()
    {
        IReadOnlyList<string>? faults = null;
        await RunAsync(async () =>
        {
            faults = await Definitions.SaveDraftAsync(Id, _name, _body!);
            _dirty = false;
        });
        return faults;
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
