using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Workbench.Features.Rules.Pages;

public partial class RulesPage
{
    [Inject] private RuleInventory Inventory { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<RuleRow>? _grid;
    private string? _text;
    private RuleStatus? _status;
    private RuleLevel? _level;
    private int? _department;
    private IReadOnlyList<(int Id, string Name)> _departments = [];
    private bool _importing;
    private RuleImportResult? _importResult;
    private string? _importError;

    private bool IsSupervisor => CurrentUser.IsInRole(Roles.Supervisor);

    protected override async Task OnInitializedAsync() => _departments = await Inventory.DepartmentsAsync();

    private async Task<GridData<RuleRow>> LoadAsync(GridState<RuleRow> state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Inventory.ListAsync(new RuleQuery(_text, _status, _level, _department, state.Page, state.PageSize), cancellationToken);
            return new GridData<RuleRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return new GridData<RuleRow> { Items = [], TotalItems = 0 };
        }
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task OnSearchKeyUp(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await ReloadAsync();
        }
    }

    private void OnRowClick(DataGridRowClickEventArgs<RuleRow> e) => Navigation.NavigateTo($"/rules/{e.Item.Id}");

    private static string Date(DateOnly? date) => date is { } d ? ChinaTime.FormatDate(d) : "";

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }
        _importing = true;
        _importResult = null;
        _importError = null;
        try
        {
            await using var stream = file.OpenReadStream(RuleInventory.MaxImportBytes + 1);
            _importResult = await Inventory.ImportAsync(file.Name, file.Size, stream);
            if (_importResult.Succeeded)
            {
                Snackbar.Add($"导入成功：已报送 {_importResult.Submitted} 件规则，等待合法性审核。", Severity.Success);
                await ReloadAsync();
            }
        }
        catch (DomainException ex)
        {
            _importError = ex.Message;
        }
        finally
        {
            _importing = false;
        }
    }
}
