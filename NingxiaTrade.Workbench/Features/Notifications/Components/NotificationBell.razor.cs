namespace NingxiaTrade.Workbench.Features.Notifications.Components;

/// <summary>
/// The bell in the app bar with the signed-in user's unread count. It refreshes at once when a change for this user
/// is signalled in this app instance and, as a fallback (other instances), every <see cref="PollInterval"/>.
/// </summary>
public partial class NotificationBell
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(60);

    [Microsoft.AspNetCore.Components.Inject] private ILogger<NotificationBell> Logger { get; set; } = default!;

    private int _count;
    private CancellationTokenSource? _polling;

    private string Tooltip => _count > 0 ? $"我的消息（{_count} 条未读）" : "我的消息";

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        if (RendererInfo.IsInteractive && Me is not null)
        {
            _polling = new CancellationTokenSource();
            _ = PollAsync(_polling.Token);
        }
    }

    protected override async Task RefreshAsync()
    {
        try
        {
            _count = await Inbox.UnreadCountAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The bell must never break the page around it; the next signal or poll tries again.
            Logger.LogWarning(ex, "Unread count failed");
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await RefreshAndRenderAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // the circuit is gone
        }
    }

    public override void Dispose()
    {
        _polling?.Cancel();
        _polling?.Dispose();
        base.Dispose();
    }
}
