using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Features.Bidding.Components;

/// <summary>The project's deposits for clerks (confirm, import, refund, forfeit, export) and supervisors (read, export).</summary>
public partial class DepositsPanel
{
    [Parameter, EditorRequired] public Guid ProjectId { get; set; }
    [Parameter] public TradeType TradeType { get; set; }
    [Inject] private DepositService Deposits { get; set; } = default!;
    [Inject] private DepositSettings Settings { get; set; } = default!;
    [Inject] private ICurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<DepositView> _deposits = [];
    private IReadOnlyList<StatementLine>? _statement;
    private DepositView? _forfeiting;
    private string? _reason;
    private string? _error;
    private bool _busy;

    private bool IsClerk => CurrentUser.IsInRole(Roles.CentreClerk);
    private bool CanSee => IsClerk || CurrentUser.IsInRole(Roles.Supervisor);
    private string LotWord => TradeType == TradeType.GovernmentProcurement ? "包" : "标段";
    private string ExportLink => BiddingModuleRegistration.DepositRefundListPath.Replace("{id:guid}", ProjectId.ToString(), StringComparison.Ordinal);

    protected override Task OnParametersSetAsync() => CanSee ? LoadAsync() : Task.CompletedTask;

    private async Task LoadAsync()
    {
        try
        {
            _deposits = await Deposits.ProjectDepositsAsync(ProjectId);
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private async Task<ImportResult> ImportAsync(IBrowserFile file, Stream content, CancellationToken cancellationToken)
    {
        var result = await Deposits.ImportStatementAsync(ProjectId, file.Name, file.Size, content, cancellationToken);
        _statement = result.Lines;
        return result;
    }

    private static Color StatusColor(DepositView d) => d.Status switch
    {
        DepositStatus.Pending => Color.Default,
        DepositStatus.Received => d.RefundOverdue ? Color.Error : Color.Info,
        DepositStatus.Refunded => Color.Success,
        DepositStatus.Forfeited => Color.Warning,
        _ => Color.Default,
    };

    private Task ConfirmAsync(DepositView deposit) => ActAsync(() => Deposits.ConfirmArrivalAsync(deposit.Id), deposit, "已确认到账");

    private Task RefundAsync(DepositView deposit) => ActAsync(() => Deposits.RefundAsync(deposit.Id), deposit, "已退还");

    private async Task ActAsync(Func<Task<DepositView>> action, DepositView deposit, string done)
    {
        _error = null;
        _busy = true;
        try
        {
            await action();
            Snackbar.Add($"{deposit.EntityName} 的投标保证金（编号{deposit.Number}）{done}。", Severity.Success);
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

    private async Task ForfeitAsync()
    {
        if (_forfeiting is not { } deposit)
        {
            return;
        }
        await ActAsync(() => Deposits.ForfeitAsync(deposit.Id, _reason ?? ""), deposit, "已没收");
        if (_error is null)
        {
            _forfeiting = null;
        }
    }
}
