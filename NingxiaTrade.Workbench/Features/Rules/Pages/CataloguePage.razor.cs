using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;

namespace NingxiaTrade.Workbench.Features.Rules.Pages;

public partial class CataloguePage
{
    [Inject] private RuleCatalogue Catalogue { get; set; } = default!;
    [Inject] private RuleInventory Inventory { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<CatalogueVersionSummary> _versions = [];
    private CatalogueVersion? _selected;
    private Guid? _inForce;
    private DateOnly _today;
    private int _eligible;
    private string? _newName;
    private DateTime? _newEffective;
    private Guid _compareFrom;
    private Guid _compareTo;
    private CatalogueComparison? _comparison;
    private bool _saving;
    private string? _error;

    private bool IsLegalOfficer => CurrentUser.IsInRole(Roles.LegalOfficer);

    protected override async Task OnInitializedAsync()
    {
        _today = Catalogue.Today;
        _newEffective = _today.ToDateTime(TimeOnly.MinValue);
        await LoadAsync(null);
    }

    private async Task LoadAsync(Guid? select)
    {
        _versions = await Catalogue.VersionsAsync();
        _inForce = (await Catalogue.InForceAsync(_today))?.Id;
        var id = select ?? _inForce ?? _versions.FirstOrDefault()?.Id;
        _selected = id is { } v ? await Catalogue.GetAsync(v) : null;
        if (_versions.Count > 1)
        {
            _compareFrom = _versions[1].Id;
            _compareTo = _versions[0].Id;
        }
        if (IsLegalOfficer)
        {
            _eligible = (await Inventory.ListAsync(new RuleQuery(Status: RuleStatus.Passed, PageSize: 1))).TotalCount;
        }
    }

    private async Task SelectAsync(Guid id)
    {
        if (id != Guid.Empty)
        {
            _selected = await Catalogue.GetAsync(id);
        }
    }

    private async Task PublishAsync()
    {
        _saving = true;
        _error = null;
        try
        {
            if (_newEffective is not { } effective)
            {
                throw new DomainException("请选择施行日期。");
            }
            var id = await Catalogue.PublishAsync(_newName ?? "", DateOnly.FromDateTime(effective));
            Snackbar.Add($"目录“{_newName}”已发布。", Severity.Success);
            _newName = null;
            await LoadAsync(id);
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

    private async Task CompareAsync()
    {
        try
        {
            _comparison = await Catalogue.CompareAsync(_compareFrom, _compareTo);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }
}
