// Audit chain benchmark: how long one audited SaveChanges takes, and how fast "verify chain" walks a long chain.
// Run: dotnet run -c Release --project bench/AuditChain [-- <entries>]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Organisations;

var entries = args.Length > 0 ? int.Parse(args[0]) : 200_000;
var path = Path.Combine(Path.GetTempPath(), $"nxt-bench-audit-{Guid.NewGuid():N}.db");
var options = new DbContextOptionsBuilder<SqliteTradeDbContext>()
    .UseSqlite($"Data Source={path}")
    .AddInterceptors(new AuditInterceptor(TimeProvider.System))
    .Options;
var factory = new Factory(options);

try
{
    await using (var db = factory.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    // 1. Append: one entity change per SaveChanges, the common case of a clerk's action.
    var centreId = 0;
    await using (var db = factory.CreateDbContext())
    {
        var centre = new TradingCentre("640100", "银川市公共资源交易中心");
        db.TradingCentres.Add(centre);
        await db.SaveChangesAsync();
        centreId = centre.Id;
    }
    var samples = new List<double>();
    for (var i = 0; i < 500; i++)
    {
        await using var db = factory.CreateDbContext();
        var centre = await db.TradingCentres.SingleAsync(c => c.Id == centreId);
        centre.Phone = "0951-" + (6000000 + i);
        var sw = Stopwatch.StartNew();
        await db.SaveChangesAsync();
        samples.Add(sw.Elapsed.TotalMilliseconds);
    }
    samples.Sort();

    // 2. Fill the chain to the requested length in large batches (still through the interceptor).
    await using (var db = factory.CreateDbContext())
    {
        var have = await db.AuditEntries.CountAsync();
        var batch = new List<HolidayDate>();
        var day = new DateOnly(2000, 1, 3);
        while (have < entries)
        {
            var n = Math.Min(5_000, entries - have);
            for (var i = 0; i < n; i++)
            {
                while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    day = day.AddDays(1);
                }
                batch.Add(new HolidayDate(day, HolidayKind.Holiday, "基准测试"));
                day = day.AddDays(1);
            }
            db.HolidayDates.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            batch.Clear();
            have += n;
        }
    }

    // 3. Verify the whole chain, five times.
    var verifier = new AuditChainVerifier(factory);
    var runs = new List<double>();
    AuditChainReport? report = null;
    for (var i = 0; i < 5; i++)
    {
        var sw = Stopwatch.StartNew();
        report = await verifier.VerifyAsync();
        runs.Add(sw.Elapsed.TotalMilliseconds);
    }
    runs.Sort();
    var median = runs[runs.Count / 2];
    Console.WriteLine($"chain intact: {report!.IsIntact}");
    Console.WriteLine($"median audited SaveChanges (one change): {samples[samples.Count / 2]:F2} ms (p95 {samples[(int)(samples.Count * 0.95)]:F2} ms)");
    Console.WriteLine($"median verify of {report.EntriesChecked} entries: {median:F0} ms ({report.EntriesChecked / (median / 1000):F0} entries/s)");
    Console.WriteLine($"chain length: {report.EntriesChecked}");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var f in new[] { path, path + "-wal", path + "-shm" })
    {
        File.Delete(f);
    }
}

internal sealed class Factory(DbContextOptions<SqliteTradeDbContext> options) : IDbContextFactory<TradeDbContext>
{
    public TradeDbContext CreateDbContext() => new SqliteTradeDbContext(options) { Actor = SystemActor.Instance };
}
