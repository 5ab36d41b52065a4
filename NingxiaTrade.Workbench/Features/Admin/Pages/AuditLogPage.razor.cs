using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Features.Admin.Pages;

public partial class AuditLogPage
{
    [Inject] private AuditLogQueries Audit { get; set; } = default!;
    [Inject] private AuditChainVerifier Verifier { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private AuditReconciliationService Reconciliation { get; set; } = default!;

    private AuditReconciliation? _reconciliation;
    private bool _reconciling;

    private MudDataGrid<AuditEntry>? _grid;
    private IReadOnlyList<string> _entityTypes = [];
    private DateTime? _from, _to;
    private string? _user, _entityType, _entityKey, _action;
    private bool _verifying;
    private long _progress;
    private AuditChainReport? _report;
    private string? _verifiedAt;

    protected override async Task OnInitializedAsync()
    {
        _entityTypes = await Audit.EntityTypesAsync();
        _reconciliation = await Reconciliation.LatestAsync();
    }

    private async Task ReconcileAsync()
    {
        _reconciling = true;
        try
        {
            _reconciliation = await Task.Run(() => Reconciliation.RunAsync());
        }
        finally
        {
            _reconciling = false;
        }
    }

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken cancellationToken)
    {
        var query = new AuditQuery(
            _from is { } f ? DateOnly.FromDateTime(f) : null,
            _to is { } t ? DateOnly.FromDateTime(t) : null,
            _user, _entityType, _entityKey, _action, state.Page, state.PageSize);
        var page = await Audit.PageAsync(query, cancellationToken);
        return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task VerifyAsync()
    {
        _verifying = true;
        _report = null;
        _progress = 0;
        var progress = new Progress<long>(n =>
        {
            _progress = n;
            _ = InvokeAsync(StateHasChanged);
        });
        try
        {
            _report = await Task.Run(() => Verifier.VerifyAsync(progress));
            _verifiedAt = "校验时间 " + ChinaTime.Format(Time.GetUtcNow().UtcDateTime);
        }
        finally
        {
            _verifying = false;
        }
    }

    private static string RoleNames(string? roles) =>
        string.IsNullOrEmpty(roles) ? "" : string.Join("、", roles.Split(',').Select(r => r switch
        {
            "System" => "系统",
            "Anonymous" => "匿名",
            "ApiClient" => "接入系统",
            _ => Roles.Chinese(r),
        }));
}
