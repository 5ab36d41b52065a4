using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;
using MudBlazor;

namespace NingxiaTrade.Workbench.Features.Bidding.Pages;

/// <summary>A bidder's deposits: the lots it may pay for, recording a transfer or a guarantee, and its own deposits.</summary>
public partial class DepositsPage
{
    [Inject] private DepositService Deposits { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<PayableLot> _lots = [];
    private IReadOnlyList<DepositView> _mine = [];
    private PayableLot? _lot;
    private DepositMethod _method = DepositMethod.BankTransfer;
    private string? _bank, _account, _payer, _reference, _guaranteeNumber, _issuer;
    private decimal _guaranteeYuan;
    private DateTime? _validUntil;
    private bool _electronic = true;
    private string? _error;
    private bool _busy;

    private static string LotWord(TradeType type) => type == TradeType.GovernmentProcurement ? "包" : "标段";

    protected override async Task OnInitializedAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private async Task LoadAsync()
    {
        _lots = await Deposits.PayableLotsAsync();
        _mine = await Deposits.MyDepositsAsync();
    }

    private void Start(PayableLot lot)
    {
        _lot = lot;
        _error = null;
        _guaranteeYuan = lot.Deposit.Yuan;
        _payer ??= _mine.FirstOrDefault()?.EntityName;
    }

    private async Task SaveAsync()
    {
        if (_lot is not { } lot)
        {
            return;
        }
        _error = null;
        _busy = true;
        try
        {
            if (_method == DepositMethod.BankTransfer)
            {
                await Deposits.RecordTransferAsync(lot.ProjectId, lot.LotNumber, new TransferForm(_bank ?? "", _reference ?? "", _account ?? "", _payer ?? ""));
            }
            else
            {
                if (_validUntil is not { } valid)
                {
                    _error = "请填写保函有效期。";
                    return;
                }
                await Deposits.RecordGuaranteeAsync(lot.ProjectId, lot.LotNumber,
                    new GuaranteeForm(_guaranteeNumber ?? "", _issuer ?? "", Money.FromYuan(_guaranteeYuan), DateOnly.FromDateTime(valid), _electronic));
            }
            Snackbar.Add($"已登记{lot.ProjectName}第{lot.LotNumber}{LotWord(lot.TradeType)}的投标保证金，待交易中心确认到账。", Severity.Success);
            _lot = null;
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
