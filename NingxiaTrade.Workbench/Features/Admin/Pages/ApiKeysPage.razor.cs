using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.ApiKeys;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Features.Admin.Pages;

public partial class ApiKeysPage
{
    [Inject] private ApiKeyAdministration Keys { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    private IReadOnlyList<ApiKey> _keys = [];
    private string? _name, _secret, _error;
    private DateTime? _expires;
    private DateTime _now;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _now = Time.GetUtcNow().UtcDateTime;
        _keys = await Keys.ListAsync();
    }

    private async Task IssueAsync()
    {
        _error = null;
        _secret = null;
        try
        {
            // The chosen date is a China calendar date; the key is valid through its end.
            DateTime? expiresUtc = _expires is { } d ? ChinaTime.StartOfDayUtc(DateOnly.FromDateTime(d).AddDays(1)) : null;
            _secret = await Keys.IssueAsync(_name ?? "", expiresUtc);
            _name = null;
            _expires = null;
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task RevokeAsync(ApiKey key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("吊销密钥", $"确定吊销“{key.Name}”的密钥吗？吊销后该接入系统立即无法调用接口。", yesText: "吊销", cancelText: "取消");
        if (confirmed != true)
        {
            return;
        }
        try
        {
            await Keys.RevokeAsync(key.Id);
            Snackbar.Add("密钥已吊销。", Severity.Success);
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }
}
