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

    private async Task<ImportResult> ImportAsync(IBrowserFile file, Stream content, CancellationToken cancellationToken) =>
        await Inventory.ImportAsync(file.Name, file.Size, content, cancellationToken);
}
