using Microsoft.AspNetCore.Components;
using MudBlazor;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Workbench.Features.Notifications.Pages;

public partial class NotificationsPage
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<NotificationRow>? _grid;
    private bool _unreadOnly;
    private NotificationKind? _kind;
    private string? _error;

    // The grid loads itself; a change signal (a new message, or read elsewhere) reloads it.
    protected override Task RefreshAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task<GridData<NotificationRow>> LoadAsync(GridState<NotificationRow> state, CancellationToken cancellationToken)
    {
        var page = await Inbox.ListAsync(new NotificationQuery(_unreadOnly, _kind, state.Page, state.PageSize), cancellationToken);
        return new GridData<NotificationRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task UnreadOnlyChanged(bool value)
    {
        _unreadOnly = value;
        return RefreshAsync();
    }

    private Task KindChanged(NotificationKind? value)
    {
        _kind = value;
        return RefreshAsync();
    }

    private async Task OpenAsync(NotificationRow row)
    {
        if (await RunAsync(() => Inbox.OpenAsync(row.Id)) is { } link)
        {
            Navigation.NavigateTo(link);
        }
        else
        {
            await RefreshAsync();
        }
    }

    private async Task ToggleAsync(NotificationRow row)
    {
        await RunAsync(async () =>
        {
            await (row.IsRead ? Inbox.MarkUnreadAsync(row.Id) : Inbox.MarkReadAsync(row.Id));
            return "";
        });
        await RefreshAsync();
    }

    private async Task MarkAllReadAsync()
    {
        var count = 0;
        await RunAsync(async () =>
        {
            count = await Inbox.MarkAllReadAsync();
            return "";
        });
        Snackbar.Add(count > 0 ? $"已将 {count} 条消息标为已读。" : "没有未读消息。", Severity.Success);
        await RefreshAsync();
    }

    private async Task<string?> RunAsync(Func<Task<string?>> action)
    {
        _error = null;
        try
        {
            return await action();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return null;
        }
    }
}
