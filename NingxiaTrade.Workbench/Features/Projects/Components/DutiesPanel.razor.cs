using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects.Components;

/// <summary>
/// The duties with a deadline of a project (issue 10 item 4) and, for the centre's clerks and the project's tenderer and
/// agent, recording that an event happened (the contract was signed …). <see cref="Changed"/> lets the page reload its history.
/// </summary>
public partial class DutiesPanel
{
    [Parameter, EditorRequired] public Guid ProjectId { get; set; }
    /// <summary>Changes whenever the project moved, so the list is read again.</summary>
    [Parameter] public int Revision { get; set; }
    [Parameter] public EventCallback Changed { get; set; }
    [Inject] private ProjectDutyService Duties { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ProjectDutySheet? _sheet;
    private string? _error;
    private (Guid, int)? _loaded;

    // The page re-renders often (busy flags, dialogs): read again only when the project or its revision changed.
    protected override Task OnParametersSetAsync() => _loaded == (ProjectId, Revision) ? Task.CompletedTask : LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _loaded = (ProjectId, Revision);
            _sheet = await Duties.ForProjectAsync(ProjectId);
            _error = null;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task RecordAsync()
    {
        var parameters = new DialogParameters<RecordEventDialog> { { d => d.ProjectId, ProjectId }, { d => d.Sheet, _sheet! } };
        var dialog = await Dialogs.ShowAsync<RecordEventDialog>("登记办理", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("已登记。", Severity.Success);
            await LoadAsync();
            await Changed.InvokeAsync();
        }
    }
}

/// <summary>How a duty's status and remaining time read.</summary>
public static class DutyDisplay
{
    public static Color Color(DutyStatus status) => status switch
    {
        DutyStatus.NotStarted => MudBlazor.Color.Default,
        DutyStatus.Open => MudBlazor.Color.Info,
        DutyStatus.Overdue => MudBlazor.Color.Error,
        DutyStatus.DoneOnTime => MudBlazor.Color.Success,
        DutyStatus.DoneLate => MudBlazor.Color.Warning,
    };

    /// <summary>"还剩3日" / "今日届满" / "已逾期2日" / "2026-12-25 办理".</summary>
    public static string Remaining(DutyView duty) => duty switch
    {
        { DoneUtc: { } done } => $"{ChinaTime.FormatDate(ChinaTime.DateOf(done))} 办理",
        { DaysLeft: > 0 and var left } => $"还剩{left}日",
        { DaysLeft: 0 } => "今日届满",
        { DaysLeft: < 0 and var late } => $"已逾期{-late}日",
        _ => "",
    };
}
