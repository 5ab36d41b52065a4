using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects.Pages;

public partial class ProjectsPage
{
    [Inject] private ProjectRegistration Projects { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<ProjectRow>? _grid;
    private readonly ProjectFilter _filter = new();

    private bool CanRegister => CurrentUser.IsInRole(Roles.CentreClerk) || CurrentUser.IsInRole(Roles.Tenderer) || CurrentUser.IsInRole(Roles.Agent);

    private string ExportHref => ProjectEndpoints.ExportPath + (_filter.ToQueryString() is { Length: > 0 } q ? "?" + q : "");

    private async Task<GridData<ProjectRow>> LoadAsync(GridState<ProjectRow> state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Projects.ListAsync(_filter.ToQuery(state.Page, state.PageSize), cancellationToken);
            return new GridData<ProjectRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return new GridData<ProjectRow> { Items = [], TotalItems = 0 };
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

    private void OnRowClick(DataGridRowClickEventArgs<ProjectRow> e) => Navigation.NavigateTo($"/projects/{e.Item.Id}");
}
