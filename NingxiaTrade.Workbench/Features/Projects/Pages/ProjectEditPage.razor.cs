using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Components.Shared.Forms;
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
    [Inject] private MarketEntityDirectory Entities { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private TradingRules Rules { get; set; } = default!;

    private ProjectFormModel? _model;
    private EditContext? _editContext;
    private WholeFormValidator? _validator;
    /// <summary>A tenderer account: the tenderer is its own entity, not a choice.</summary>
    private bool _ownEntityOnly;
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
            _ownEntityOnly = CurrentUser.IsInRole(Roles.Tenderer) && !CurrentUser.IsInRole(Roles.CentreClerk) && !CurrentUser.IsInRole(Roles.Agent);
            if (_ownEntityOnly)
            {
                var own = await Entities.OwnEntityAsync();
                if (own is not { Approved: true })
                {
                    _loadError = own is null
                        ? "本账户尚未关联市场主体：请先在“我的主体”登记本单位并经审核通过，再登记项目。"
                        : $"本单位市场主体“{own.Value.Entity.Name}”尚未通过审核，审核通过后才能登记项目。";
                    return;
                }
                _model.Tenderer = own.Value.Entity;
            }
            _editContext = new EditContext(_model);
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

    private async Task<IEnumerable<MarketEntityRef>> SearchTenderersAsync(string? text, CancellationToken cancellationToken) =>
        await Entities.SearchApprovedAsync(text, 20, cancellationToken);

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
        catch (FormValidationException ex)
        {
            _validator?.Show(ex.Errors);
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
