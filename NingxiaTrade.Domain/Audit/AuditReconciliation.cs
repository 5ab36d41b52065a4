using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Domain.Audit;

/// <summary>One row or field the audit log does not explain.</summary>
public sealed record ReconciliationFinding(string EntityType, string EntityKey, string? Field, string? Logged, string? Actual, string Problem);

/// <summary>
/// 数据核对: one run of recomputing the tables that matter most from the audit log and comparing with what is
/// stored. Kept (and itself audited) so the result of every run is on record.
/// </summary>
public class AuditReconciliation
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private AuditReconciliation() { }

    public AuditReconciliation(DateTime ranUtc, int rowsChecked, IReadOnlyList<ReconciliationFinding> findings)
    {
        Id = Guid.NewGuid();
        RanUtc = ranUtc;
        RowsChecked = rowsChecked;
        FindingCount = findings.Count;
        // The first 200 are kept in full; the count says how many there were.
        Findings = JsonSerializer.Serialize(findings.Take(200), Json);
    }

    public Guid Id { get; private set; }
    public DateTime RanUtc { get; private set; }
    public int RowsChecked { get; private set; }
    public int FindingCount { get; private set; }
    /// <summary>JSON list of <see cref="ReconciliationFinding"/> (at most 200).</summary>
    public string Findings { get; private set; } = "[]";

    public IReadOnlyList<ReconciliationFinding> FindingList() =>
        JsonSerializer.Deserialize<List<ReconciliationFinding>>(Findings, Json) ?? [];
}

/// <summary>Settings of the reconciliation (<c>Audit:Reconciliation</c>).</summary>
public sealed class AuditReconciliationSettings
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// Replays the audit entries (新增 values, 修改 new values, 删除) of credit records, market bans, experts and expert
/// draws, and reports every current row or field the log does not explain — a change made beside the application,
/// e.g. in SQL.
/// </summary>
public sealed class AuditReconciliationService(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, AuditReconciliationSettings settings)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The tables checked, by entity type.</summary>
    public static readonly IReadOnlyList<Type> Tables = [typeof(CreditRecord), typeof(MarketBan), typeof(Expert), typeof(ExpertDraw)];

    /// <summary>Runs when the interval has passed since the last run (the daily job).</summary>
    public async Task<int> RunIfDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.AuditReconciliations.OrderByDescending(r => r.RanUtc).Select(r => (DateTime?)r.RanUtc).FirstOrDefaultAsync(cancellationToken);
        if (last is { } ranUtc && ranUtc + settings.Interval > time.GetUtcNow().UtcDateTime)
        {
            return 0;
        }
        await RunCoreAsync(new SystemActor("数据核对"), cancellationToken);
        return 1;
    }

    /// <summary>Runs now (an Admin on the audit screen).</summary>
    public Task<AuditReconciliation> RunAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        return RunCoreAsync(null, cancellationToken);
    }

    /// <summary>The latest run, or null when none ran yet (Admins only).</summary>
    public async Task<AuditReconciliation?> LatestAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AuditReconciliations.AsNoTracking().OrderByDescending(r => r.RanUtc).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<AuditReconciliation> RunCoreAsync(IAuditActor? actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (actor is not null)
        {
            db.Actor = actor;
        }
        var findings = new List<ReconciliationFinding>();
        var rows = 0;
        foreach (var clrType in Tables)
        {
            var entityType = db.Model.FindEntityType(clrType)!;
            var logged = await ReplayAsync(db, entityType.DisplayName(), cancellationToken);
            var current = await CurrentAsync(db, entityType, cancellationToken);
            rows += current.Count;
            Compare(entityType.DisplayName(), logged, current, findings);
            db.ChangeTracker.Clear();
        }
        var run = new AuditReconciliation(time.GetUtcNow().UtcDateTime, rows, findings);
        db.AuditReconciliations.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Rows as the log says they are now: key → field → JSON value.</summary>
    private static async Task<Dictionary<string, Dictionary<string, JsonElement>>> ReplayAsync(TradeDbContext db, string entityType, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, Dictionary<string, JsonElement>>();
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.EntityType == entityType).OrderBy(e => e.Sequence)
            .Select(e => new { e.Action, e.EntityKey, e.Changes }).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            using var changes = JsonDocument.Parse(entry.Changes);
            switch (entry.Action)
            {
                case "Added":
                    rows[entry.EntityKey] = changes.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
                    break;
                case "Modified":
                    if (!rows.TryGetValue(entry.EntityKey, out var row))
                    {
                        rows[entry.EntityKey] = row = [];
                    }
                    foreach (var field in changes.RootElement.EnumerateObject())
                    {
                        if (field.Value.ValueKind == JsonValueKind.Object && field.Value.TryGetProperty("新值", out var value))
                        {
                            row[field.Name] = value.Clone();
                        }
                    }
                    break;
                case "Deleted":
                    rows.Remove(entry.EntityKey);
                    break;
            }
        }
        return rows;
    }

    /// <summary>Current rows, keyed and valued exactly as the audit interceptor writes them.</summary>
    private static async Task<Dictionary<string, Dictionary<string, JsonElement>>> CurrentAsync(TradeDbContext db, IEntityType entityType, CancellationToken cancellationToken)
    {
        var query = (IQueryable<object>)typeof(AuditReconciliationService).GetMethod(nameof(SetOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(entityType.ClrType).Invoke(null, [db])!;
        var rows = new Dictionary<string, Dictionary<string, JsonElement>>();
        // Streamed and untracked: a nightly pass over a whole table must not hold it in the change tracker too.
        await foreach (var entity in query.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var entry = db.Entry(entity);
            rows[AuditInterceptor.KeyText(entry)] = entry.Properties
                .Where(p => !p.Metadata.IsSecret())
                .ToDictionary(p => p.Metadata.Name, p => JsonSerializer.SerializeToElement(p.CurrentValue, Json));
        }
        return rows;
    }

    private static IQueryable<object> SetOf<T>(TradeDbContext db) where T : class => db.Set<T>();

    private static void Compare(string entityType, Dictionary<string, Dictionary<string, JsonElement>> logged,
        Dictionary<string, Dictionary<string, JsonElement>> current, List<ReconciliationFinding> findings)
    {
        foreach (var (key, row) in current)
        {
            if (!logged.TryGetValue(key, out var expected))
            {
                findings.Add(new ReconciliationFinding(entityType, key, null, null, null, "审计日志中没有该行的新增记录：该行未经平台写入。"));
                continue;
            }
            foreach (var (field, actual) in row)
            {
                // A column added after the row was written has no logged value: nothing to compare.
                if (expected.TryGetValue(field, out var value) && !Same(value, actual))
                {
                    findings.Add(new ReconciliationFinding(entityType, key, field, value.GetRawText(), actual.GetRawText(),
                        "当前值与审计日志重算的值不符：该字段在平台之外被修改。"));
                }
            }
        }
        foreach (var key in logged.Keys.Where(k => !current.ContainsKey(k)))
        {
            findings.Add(new ReconciliationFinding(entityType, key, null, null, null, "审计日志显示该行存在，但数据库中已没有该行（无删除记录）。"));
        }
    }

    /// <summary>Same JSON value; times compare by instant (a UTC time read back from SQLite has lost its kind).</summary>
    private static bool Same(JsonElement logged, JsonElement actual)
    {
        if (logged.GetRawText() == actual.GetRawText())
        {
            return true;
        }
        return logged.ValueKind == JsonValueKind.String && actual.ValueKind == JsonValueKind.String
            && DateTime.TryParse(logged.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var a)
            && DateTime.TryParse(actual.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var b)
            && a == b;
    }
}
