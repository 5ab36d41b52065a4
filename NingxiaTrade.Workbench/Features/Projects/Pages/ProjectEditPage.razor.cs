using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Features.Projects.Components;

namespace NingxiaTrade.Workbench.Features.Projects.Pages;

/// <summary>项目登记 and its editing while the project is still in its first step.</summary>
public partial class ProjectEditPage
{
    [Parameter] public Guid? Id { get; set; }
    [Inject] private ProjectRegistration Projects { get; set; } = default!;
    [Inject] private OrganisationAdministration Organisations { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ProjectFormModel? _model;
    private int _revision;
    private bool _notFirstStep;
    private IReadOnlyList<TradingCentre> _centres = [];
    private IReadOnlyList<SupervisingDepartment> _departments = [];
    private string? _error;
    private string? _loadError;
    private bool _saving;

    private string Title => Id is null ? "项目登记" : "修改项目登记信息";

    private IEnumerable<SupervisingDepartment> Departments => _departments.Where(d => d.Supervises(_model!.TradeType));

    private string TendererLabel => ProjectDisplay.TendererLabel(_model!.TradeType) + "名称";

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _centres = await Organisations.CentresAsync(activeOnly: true);
            _departments = await Organisations.DepartmentsAsync(activeOnly: true);
            if (Id is { } id)
            {
                var details = await Projects.GetAsync(id);
                _model = ProjectFormModel.From(details.Project);
                _revision = details.Project.Revision;
                _notFirstStep = details.Project.CurrentStep != details.Definition.Body.InitialStep;
            }
            else
            {
                _model = new ProjectFormModel();
            }
        }
        catch (DomainException ex)
        {
            _loadError = ex.Message;
        }
    }

    private void OnTradeTypeChanged(TradeType type)
    {
        _model!.TradeType = type;
        var methods = TradeMethods.For(type);
        if (_model.TradeMethod is not { } method || !methods.Contains(method))
        {
            _model.TradeMethod = methods[0];
        }
        if (_model.SupervisingDepartmentId is { } department && !Departments.Any(d => d.Id == department))
        {
            _model.SupervisingDepartmentId = null;
        }
    }

    private void OnRegionChanged(string region)
    {
        _model!.RegionCode = region;
        // The city's own centre is the usual choice; the clerk may still pick another.
        _model.TradingCentreId ??= _centres.FirstOrDefault(c => c.RegionCode == region)?.Id;
    }

    private void AddLot() => _model!.Lots.Add(new LotModel());

    private async Task SaveAsync()
    {
        _error = null;
        _saving = true;
        try
        {
            var form = _model!.ToForm();
            if (Id is { } id)
            {
                await Projects.EditAsync(id, _revision, form);
                Snackbar.Add("项目登记信息已保存。", Severity.Success);
                Navigation.NavigateTo($"/projects/{id}");
            }
            else
            {
                var created = await Projects.RegisterAsync(form);
                Snackbar.Add("项目已登记。", Severity.Success);
                Navigation.NavigateTo($"/projects/{created}");
            }
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
