using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Features.Projects.Components;

namespace NingxiaTrade.Workbench.Features.Projects.Pages;

/// <summary>The supervising department's inbox (待审批): approve or return, each with a written opinion.</summary>
public partial class ApprovalsPage
{
    [Inject] private ProjectWorkflowService Workflow { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<InboxItem>? _items;
    private string? _error;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _items = await Workflow.InboxAsync();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task DecideAsync(InboxItem item, bool approve)
    {
        var parameters = new DialogParameters<OpinionDialog> { { d => d.Item, item }, { d => d.Approve, approve } };
        var dialog = await Dialogs.ShowAsync<OpinionDialog>(approve ? "批准" : "退回", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(approve ? $"已批准“{item.Request.Action}”。" : $"已退回“{item.Request.Action}”。", Severity.Success);
            await LoadAsync();
        }
    }
}
