using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Workbench.Features.MarketEntities.Components;

namespace NingxiaTrade.Workbench.Features.MarketEntities.Own;

/// <summary>The entity account's own entity: register, edit, submit (setting the seal PIN), ask for key-data changes, sign.</summary>
public partial class MyEntityPage
{
    [Inject] private MarketEntityRegistry Registry { get; set; } = null!;
    [Inject] private CreditQueries Credit { get; set; } = null!;
    [Inject] private CreditRepairService Repairs { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    private MarketEntityView? _view;
    private CreditFile? _credit;
    private EntityFormModel _model = new();
    private EntityForm? _form;
    private IReadOnlyList<TradingCentre> _centres = [];
    private DateOnly _today;
    private bool _loading = true;
    private bool _editing;
    private bool _busy;
    private string? _error;

    protected override async Task OnInitializedAsync()
    {
        _today = ChinaTime.DateOf(Time.GetUtcNow().UtcDateTime);
        _centres = await Registry.CentresAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _view = await Registry.MineAsync();
        _credit = _view is null ? null : await Credit.FileAsync(_view.Entity.Id);
        if (_view is null)
        {
            _model = new EntityFormModel { RegistrationCentreId = _centres.FirstOrDefault()?.Id };
        }
        _loading = false;
    }

    private void StartEdit()
    {
        _model = EntityFormModel.From(_view!.Entity);
        _editing = true;
        _error = null;
    }

    private void CancelEdit()
    {
        _editing = false;
        _error = null;
    }

    private async Task SaveAsync()
    {
        if (_form is null || !await _form.ValidateAsync())
        {
            return;
        }
        await RunAsync(async () =>
        {
            if (_view is null)
            {
                await Registry.RegisterAsync(new RegistrationStart(_model.CreditCode, _model.RegistrationCentreId ?? 0, _model.ToDetails()));
                Snackbar.Add("登记信息已保存，请核对后提交审核。", Severity.Success);
            }
            else if (KeyDataChanges() is { Count: > 0 } differences)
            {
                // Approved entity with changed key data: the reason is asked and the change goes to review.
                if (!await RequestChangeAsync(differences))
                {
                    return;
                }
            }
            else
            {
                await Registry.SaveAsync(_view.Entity.Id, _model.ToDetails());
                Snackbar.Add("已保存。", Severity.Success);
            }
            _editing = false;
        });
    }

    /// <summary>The key data the form changes on an approved entity (old beside new), empty otherwise.</summary>
    private IReadOnlyList<KeyDataDifference> KeyDataChanges() =>
        _view is { Entity.Status: MarketEntityStatus.Approved }
            ? MarketEntityKeyData.Of(_view.Entity).DifferencesTo(MarketEntityKeyData.From(_model.ToDetails()))
            : [];

    private async Task SubmitAsync()
    {
        string? pin = null;
        if (_view!.Seal is null)
        {
            var parameters = new DialogParameters<PinDialog>
            {
                { d => d.Message, "请设置电子签章 PIN（6至12位数字，不能是相同或连续的数字）。系统不保存 PIN，只用它加密签章私钥；审核通过后，每次签章都需输入 PIN。请牢记。" },
                { d => d.Confirm, true },
                { d => d.ConfirmText, "设置并提交" },
            };
            var dialog = await Dialogs.ShowAsync<PinDialog>("提交审核", parameters);
            if (await dialog.Result is not { Canceled: false, Data: string entered })
            {
                return;
            }
            pin = entered;
        }
        await RunAsync(async () =>
        {
            await Registry.SubmitAsync(_view.Entity.Id, pin);
            Snackbar.Add("已提交审核。", Severity.Success);
        });
    }

    private async Task<bool> RequestChangeAsync(IReadOnlyList<KeyDataDifference> differences)
    {
        var parameters = new DialogParameters<ChangeRequestDialog>
        {
            { d => d.EntityId, _view!.Entity.Id }, { d => d.Details, _model.ToDetails() }, { d => d.Differences, differences },
        };
        var dialog = await Dialogs.ShowAsync<ChangeRequestDialog>("申请变更关键信息", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("其他信息已保存；关键信息变更申请已提交，审核通过后生效。", Severity.Success);
            return true;
        }
        return false;
    }

    private async Task RequestRepairAsync(NingxiaTrade.Workbench.Features.Credit.Components.CreditSummary.RepairTarget target)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Message, $"申请修复：{target.Description}。由行政监督部门决定；准予修复后不再公示，不再计入信用评价。" },
            { d => d.Label, "整改情况和修复理由" }, { d => d.ConfirmText, "提交申请" },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>("信用修复申请", parameters);
        if (await dialog.Result is { Canceled: false, Data: string reason })
        {
            await RunAsync(async () =>
            {
                await Repairs.RequestAsync(_view!.Entity.Id, target.RecordId, target.BanId, reason);
                Snackbar.Add("信用修复申请已提交。", Severity.Success);
            });
        }
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            await LoadAsync();
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
