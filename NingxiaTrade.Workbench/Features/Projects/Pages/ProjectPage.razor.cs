using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Workbench.Components.Shared;
using NingxiaTrade.Workbench.Features.Projects.Components;

namespace NingxiaTrade.Workbench.Features.Projects.Pages;

/// <summary>
/// A project: registration data, lots, the current step with the actions this user may take (and why not),
/// the bid deadline, the history and the flow's steps. Every action carries the revision the page loaded,
/// so a project someone else moved meanwhile is refused, not half-changed.
/// </summary>
public partial class ProjectPage
{
    [Parameter] public Guid Id { get; set; }
    [Inject] private ProjectRegistration Projects { get; set; } = default!;
    [Inject] private ProjectWorkflowService Workflow { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ProjectDetails? _details;
    /// <summary>The project as a whole, or each lot once the lots move separately, with this user's actions.</summary>
    private IReadOnlyList<SubjectActions> _subjects = [];
    private string? _loadError;
    private bool _busy;

    private IReadOnlyList<WorkflowAction> WholeActions => _subjects is [{ LotNumber: null } whole] ? whole.Actions : [];

    private bool IsRegistrar => CurrentUser.IsInRole(Roles.CentreClerk) || CurrentUser.IsInRole(Roles.Tenderer) || CurrentUser.IsInRole(Roles.Agent);
    private bool CanEdit => IsRegistrar && _details is { } d && d.Project.CurrentStep == d.Definition.Body.InitialStep;
    private bool CanSetDeadline => IsRegistrar;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _details = await Projects.GetAsync(Id);
            _subjects = await Workflow.SubjectsAsync(Id);
            _loadError = null;
        }
        catch (DomainException ex)
        {
            _loadError = ex.Message;
        }
    }

    private string LotLabel(int number) =>
        _details?.Project.Lots.FirstOrDefault(l => l.Number == number) is { } lot
            ? FlowSubject.LotLabel(_details.Project.TradeType, lot.Number, lot.Name)
            : $"第{number}{TradeMethods.LotName(_details?.Project.TradeType ?? TradeType.EngineeringBidding)}";

    private async Task FireAsync(WorkflowAction action, int? lotNumber)
    {
        var parameters = new DialogParameters<FireDialog> { { d => d.Action, action } };
        var dialog = await Dialogs.ShowAsync<FireDialog>(action.Transition.Name, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is not { Canceled: false, Data: var data })
        {
            return;
        }
        var revision = _details!.Project.Revision;
        var who = lotNumber is { } n ? LotLabel(n) : "项目";
        await RunAsync(() => lotNumber is { } lot
                ? Workflow.FireLotAsync(Id, lot, action.Transition.Trigger, revision, data as string)
                : Workflow.FireAsync(Id, action.Transition.Trigger, revision, data as string),
            action.Transition.RequiresApproval
                ? $"“{action.Transition.Name}”已提交{_details!.SupervisingDepartmentName}审批。"
                : $"已办理“{action.Transition.Name}”，{who}进入“{action.TargetName}”环节。");
    }

    // The diagram beside the page is small; the full-size one opens in a dialog.
    private async Task ShowDiagramAsync()
    {
        if (_details is { } details)
        {
            await DiagramDialog.ShowAsync(Dialogs, $"流程图（第 {details.Definition.Version} 版）— {details.Project.Name}",
                WorkflowEngine.Mermaid(details.Definition.Body, details.Project.CurrentStep), "项目流程图，当前环节高亮");
        }
    }

    /// <summary>Sets the project's (or a lot's) deadline; a refusal propagates to the editor, which shows it.</summary>
    private async Task SetDeadlineAsync(int? lotNumber, DateTime utc)
    {
        try
        {
            _busy = true;
            await Workflow.SetBidDeadlineAsync(Id, lotNumber, _details!.Project.Revision, utc);
            Snackbar.Add($"{(lotNumber is { } n ? LotLabel(n) : "")}投标截止时间已设定为 {ChinaTime.Format(utc)}。", Severity.Success);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }

    /// <summary>A clerk of the project's centre holds or releases every move (an objection is open, 条例第五十四条第二款).</summary>
    private bool CanSuspend => CurrentUser.IsInRole(Roles.CentreClerk) && _details is { } d && d.Definition.Body.Step(d.Project.CurrentStep)?.IsFinal != true;

    private Task SuspendAsync() => AskAsync("暂停项目", "暂停后任何环节均不能办理，直至解除暂停。常见原因：对评标结果、招标文件提出异议尚未答复，投诉处理期间等。",
        "暂停原因", "暂停", reason => Workflow.SuspendAsync(Id, _details!.Project.Revision, reason), "项目已暂停。");

    private Task ResumeAsync() => AskAsync("解除暂停", "请说明解除暂停的理由，如异议已答复、投诉已处理。", "解除理由", "解除暂停",
        note => Workflow.ResumeAsync(Id, _details!.Project.Revision, note), "已解除暂停。");

    private async Task AskAsync(string title, string message, string label, string confirm, Func<string, Task> run, string done)
    {
        var parameters = new DialogParameters<SuspendDialog>
        {
            { d => d.Message, message }, { d => d.Label, label }, { d => d.ConfirmText, confirm }, { d => d.Run, run },
        };
        var dialog = await Dialogs.ShowAsync<SuspendDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(done, Severity.Success);
            await LoadAsync();
        }
    }

    /// <summary>Runs a change; a refusal (a stale revision included) is shown and the page reloads to the current state.</summary>
    private async Task RunAsync(Func<Task> change, string done)
    {
        _busy = true;
        try
        {
            await change();
            Snackbar.Add(done, Severity.Success);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }
}
