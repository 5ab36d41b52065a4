using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects.Pages;

/// <summary>重新信息披露 of a state asset after no buyer: new listing prices and, below the threshold, the written consent.</summary>
public partial class RedisclosurePage
{
    [Parameter] public Guid Id { get; set; }
    [Inject] private ProjectRegistration Projects { get; set; } = default!;
    [Inject] private ListingConsentFiles Consents { get; set; } = default!;
    [Inject] private TradingRules Rules { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private TradeProject? _project;
    private readonly Dictionary<Guid, decimal?> _prices = [];
    private string? _consentFile;
    private string? _consentName;
    private string? _error;
    private string? _loadError;
    private bool _saving;

    private string ConsentThreshold =>
        _project?.AppraisedValue is { } appraised ? new Money((long)Math.Ceiling(appraised.Fen * Rules.StateAssetConsentBelowPercent / 100m)).ToString() : "—";

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _project = (await Projects.GetAsync(Id)).Project;
            if (_project.TradeType != TradeType.StateAssetTransfer)
            {
                _loadError = "只有国有产权转让项目可以重新信息披露。";
                return;
            }
            foreach (var lot in _project.Lots)
            {
                _prices[lot.Id] = lot.Price.Yuan;
            }
        }
        catch (DomainException ex)
        {
            _loadError = ex.Message;
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }
        _error = null;
        try
        {
            if (file.Size > Rules.ListingConsentMaxBytes)
            {
                throw new DomainException($"书面同意文件超过 {Rules.ListingConsentMaxBytes / 1024 / 1024} MB。");
            }
            await using var stream = file.OpenReadStream(Rules.ListingConsentMaxBytes + 1);
            _consentFile = await Consents.SaveAsync(file.Name, stream);
            _consentName = file.Name;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task SubmitAsync()
    {
        _error = null;
        _saving = true;
        try
        {
            var prices = _project!.Lots.OrderBy(l => l.Number).Select(l => _prices[l.Id] is { } yuan ? Money.FromYuan(yuan) : new Money(0)).ToList();
            await Projects.RediscloseAsync(Id, _project.Revision, prices, _consentFile);
            Snackbar.Add("已登记重新信息披露。", Severity.Success);
            Navigation.NavigateTo($"/projects/{Id}");
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
