using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Workbench.Features.Notifications.Components;

/// <summary>
/// A component that shows the signed-in user's messages and refreshes when <see cref="NotificationSignal"/> says
/// they changed (a new message, or read in another tab).
/// </summary>
public abstract class InboxComponentBase : ComponentBase, IDisposable
{
    [Inject] protected NotificationInbox Inbox { get; set; } = default!;
    [Inject] private NotificationSignal Signal { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The signed-in user's id; null for an anonymous visitor.</summary>
    protected string? Me { get; private set; }

    private bool _listening;

    /// <summary>Reloads what the component shows (called at start and on every change signal).</summary>
    protected abstract Task RefreshAsync();

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            Me = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        }
        if (Me is null)
        {
            return;
        }
        await RefreshAsync();
        // Only a live circuit listens; a prerendered copy is thrown away.
        if (RendererInfo.IsInteractive)
        {
            Signal.Changed += OnChanged;
            _listening = true;
        }
    }

    /// <summary>Refreshes and re-renders on the component's dispatcher.</summary>
    protected Task RefreshAndRenderAsync() => InvokeAsync(async () =>
    {
        await RefreshAsync();
        StateHasChanged();
    });

    private void OnChanged(IReadOnlyCollection<string> userIds)
    {
        if (Me is not null && userIds.Contains(Me))
        {
            _ = RefreshAndRenderAsync();
        }
    }

    public virtual void Dispose()
    {
        if (_listening)
        {
            Signal.Changed -= OnChanged;
        }
        GC.SuppressFinalize(this);
    }
}
