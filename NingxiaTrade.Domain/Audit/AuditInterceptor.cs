using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Audit;

/// <summary>
/// Appends one <see cref="AuditEntry"/> per changed entity to the hash chain, in the same transaction as
/// the change: if the change is rolled back, so is its audit entry, and an audit failure undoes the change.
/// </summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    private const int MaxAppendAttempts = 8;

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed class Pending
    {
        public List<(EntityEntry Entry, string Action, Dictionary<string, object?>? Changes)> Items { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not TradeDbContext context || context.IsAppendingAudit)
        {
            return result;
        }
        context.ChangeTracker.DetectChanges();
        var pending = new Pending();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("审计日志只能追加，不能修改或删除。");
                }
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Items.Add((entry, "Added", null));
                    break;
                case EntityState.Modified:
                    var changes = ModifiedValues(entry);
                    // Sign-in bookkeeping alone is not an entity change: sign-ins are SignInEvents.
                    if (changes.Count > 0 && !changes.Keys.All(name => entry.Property(name).Metadata.IsSignInBookkeeping()))
                    {
                        pending.Items.Add((entry, "Modified", changes));
                    }
                    break;
                case EntityState.Deleted:
                    pending.Items.Add((entry, "Deleted", Values(entry, original: true)));
                    break;
            }
        }
        if (pending.Items.Count == 0)
        {
            return result;
        }
        if (context.Database.CurrentTransaction is null)
        {
            pending.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }
        _pending.AddOrUpdate(context, pending);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not TradeDbContext context || context.IsAppendingAudit
            || !_pending.TryGetValue(context, out var pending))
        {
            return result;
        }
        _pending.Remove(context);
        try
        {
            var entries = pending.Items.Select(item => Describe(context, item.Entry, item.Action, item.Changes)).ToList();
            await AppendAsync(context, entries, cancellationToken).ConfigureAwait(false);
            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            throw;
        }
        finally
        {
            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TradeDbContext context && !context.IsAppendingAudit
            && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            if (pending.OwnTransaction is not null)
            {
                await pending.OwnTransaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                await pending.OwnTransaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Links the entries onto the tail of the chain. A concurrent writer that took the same sequence number
    /// makes our insert fail on the primary key; we then re-read the tail and try again.
    /// </summary>
    private async Task AppendAsync(TradeDbContext context, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        context.IsAppendingAudit = true;
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var tail = await context.AuditEntries.AsNoTracking()
                    .OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                var sequence = tail?.Sequence ?? 0;
                var previousHash = tail?.Hash ?? AuditEntry.GenesisHash;
                foreach (var entry in entries)
                {
                    entry.Sequence = ++sequence;
                    entry.PreviousHash = previousHash;
                    entry.Hash = entry.ComputeHash();
                    previousHash = entry.Hash;
                }
                context.AuditEntries.AddRange(entries);
                try
                {
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException ex) when (attempt < MaxAppendAttempts && IsDuplicateKey(ex))
                {
                    foreach (var entry in entries)
                    {
                        context.Entry(entry).State = EntityState.Detached;
                    }
                    await Task.Delay(Random.Shared.Next(5, 25 * attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            context.IsAppendingAudit = false;
        }
    }

    private static bool IsDuplicateKey(DbUpdateException ex) => ex.InnerException switch
    {
        // SQLITE_CONSTRAINT (19) with the primary-key / unique extended codes
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        // SQL Server: 2627 primary key / unique constraint, 2601 unique index
        DbException db when db.GetType().Name == "SqlException" =>
            db.Message.Contains("2627") || db.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private AuditEntry Describe(TradeDbContext context, EntityEntry entry, string action, Dictionary<string, object?>? changes)
    {
        var actor = context.Actor ?? SystemActor.Instance;
        var keyText = KeyText(entry);
        return new AuditEntry
        {
            TimestampUtc = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Role = actor.Role,
            Action = action,
            EntityType = entry.Metadata.DisplayName(),
            EntityKey = keyText,
            Changes = JsonSerializer.Serialize(changes ?? Values(entry, original: false), Json),
        };
    }

    /// <summary>The entry's primary key as the log records it (composite keys joined with commas).</summary>
    internal static string KeyText(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join(",", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue ?? entry.Property(p.Name).OriginalValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Dictionary<string, object?> Values(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // Secrets are never written in clear: the log records only that they were set.
            values[name] = property.Metadata.IsSecret()
                ? SecretModel.Mask
                : original ? property.OriginalValue : property.CurrentValue;
        }
        return values;
    }

    private static Dictionary<string, object?> ModifiedValues(EntityEntry entry)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (!property.IsModified || Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }
            var name = property.Metadata.Name;
            values[name] = property.Metadata.IsSecret()
                ? new { 原值 = SecretModel.Mask, 新值 = SecretModel.Mask }
                : new { 原值 = property.OriginalValue, 新值 = property.CurrentValue };
        }
        return values;
    }
}
