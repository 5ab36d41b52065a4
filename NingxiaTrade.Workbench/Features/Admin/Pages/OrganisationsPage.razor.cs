using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Workbench.Features.Admin.Components;

namespace NingxiaTrade.Workbench.Features.Admin.Pages;

public partial class OrganisationsPage
{
    [Inject] private OrganisationAdministration Organisations { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<TradingCentre> _centres = [];
    private IReadOnlyList<SupervisingDepartment> _departments = [];

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _centres = await Organisations.CentresAsync();
        _departments = await Organisations.DepartmentsAsync();
    }

    private async Task EditCentreAsync(TradingCentre? centre)
    {
        var parameters = new DialogParameters<CentreDialog> { { d => d.Existing, centre } };
        var dialog = await Dialogs.ShowAsync<CentreDialog>(centre is null ? "新增交易中心" : "编辑交易中心", parameters, Options);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("交易中心已保存。", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditDepartmentAsync(SupervisingDepartment? department)
    {
        var parameters = new DialogParameters<DepartmentDialog> { { d => d.Existing, department } };
        var dialog = await Dialogs.ShowAsync<DepartmentDialog>(department is null ? "新增行政监督部门" : "编辑行政监督部门", parameters, Options);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("部门已保存。", Severity.Success);
            await LoadAsync();
        }
    }

    private Task ToggleCentreAsync(TradingCentre centre) =>
        RunAsync(() => Organisations.SetCentreActiveAsync(centre.Id, !centre.IsActive));

    private Task ToggleDepartmentAsync(SupervisingDepartment department) =>
        RunAsync(() => Organisations.SetDepartmentActiveAsync(department.Id, !department.IsActive));

    private async Task RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            Snackbar.Add("已更新。", Severity.Success);
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
}
