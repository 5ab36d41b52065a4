using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Workbench.Features.Admin.Components;

namespace NingxiaTrade.Workbench.Features.Admin.Pages;

public partial class UsersPage
{
    [Inject] private UserAdministration Users { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<UserRow>? _grid;
    private string? _text;
    private string? _role;

    private async Task<GridData<UserRow>> LoadAsync(GridState<UserRow> state, CancellationToken cancellationToken)
    {
        var page = await Users.ListAsync(new UserQuery(_text, _role, null, state.Page, state.PageSize), cancellationToken);
        return new GridData<UserRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task OnSearchKeyUp(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await ReloadAsync();
        }
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<UserDialog>("新建用户", new DialogParameters<UserDialog>(), WideDialog);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("用户已创建。", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task EditAsync(UserRow row)
    {
        var parameters = new DialogParameters<UserDialog> { { d => d.Existing, row } };
        var dialog = await Dialogs.ShowAsync<UserDialog>($"编辑用户：{row.DisplayName}", parameters, WideDialog);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("用户信息已保存。", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task LockAsync(UserRow row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("锁定账户",
            $"确定锁定 {row.DisplayName}（{row.Email}）的账户吗？锁定后该用户立即无法登录，已打开的会话将在一分钟内失效。",
            yesText: "锁定", cancelText: "取消");
        if (confirmed == true)
        {
            await RunAsync(() => Users.LockAsync(row.Id), "账户已锁定。");
        }
    }

    private Task UnlockAsync(UserRow row) => RunAsync(() => Users.UnlockAsync(row.Id), "账户已解锁。");

    private async Task ResetPasswordAsync(UserRow row)
    {
        var parameters = new DialogParameters<ResetPasswordDialog> { { d => d.User, row } };
        var dialog = await Dialogs.ShowAsync<ResetPasswordDialog>($"重置密码：{row.DisplayName}", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("密码已重置，请通过安全渠道告知用户。", Severity.Success);
        }
    }

    private async Task RunAsync(Func<Task> action, string done)
    {
        try
        {
            await action();
            Snackbar.Add(done, Severity.Success);
            await ReloadAsync();
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }

    private static readonly DialogOptions WideDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
}
