using System.Collections.Concurrent;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// The one in-process hub of the live opening rooms: every screen showing a room subscribes to it, and every change to the
/// room (saved first) is announced once here, so all participants' screens reload the room at the same moment. The room's
/// state lives in the database; the hub carries only "room X changed", so a restart loses no entry.
/// </summary>
public sealed class OpeningRoomHub
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<Task>>> _rooms = new();

    /// <summary>Calls <paramref name="changed"/> whenever the room changes, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Guid openingId, Func<Task> changed)
    {
        var id = Guid.NewGuid();
        _rooms.GetOrAdd(openingId, _ => new())[id] = changed;
        return new Subscription(() =>
        {
            if (_rooms.TryGetValue(openingId, out var listeners))
            {
                listeners.TryRemove(id, out _);
            }
        });
    }

    /// <summary>How many screens watch the room now.</summary>
    public int Watching(Guid openingId) => _rooms.TryGetValue(openingId, out var listeners) ? listeners.Count : 0;

    /// <summary>Tells every screen of the room at once; a screen that fails is dropped from this round, not from the room.</summary>
    public async Task PublishAsync(Guid openingId)
    {
        if (!_rooms.TryGetValue(openingId, out var listeners))
        {
            return;
        }
        await Task.WhenAll(listeners.Values.Select(async listener =>
        {
            try
            {
                await listener();
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or TaskCanceledException)
            {
                // the circuit went away between the change and the announcement
            }
        }));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
