using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Audit;

/// <summary>
/// Re-hashing the whole log after an edit, or cutting its tail, keeps the chain consistent in itself; the signed,
/// published anchors are what catch it.
/// </summary>
public sealed class AuditAnchorTests : IAsyncDisposable
{
    private readonly TestDatabase _database = new(onDisk: true);
    private readonly PlatformKeyRing _keys = PlatformKeyRing.CreateNew();
    private readonly AuditAnchorSettings _settings = new() { Interval = TimeSpan.FromHours(1) };

    private AuditAnchorService Anchors => new(_database, _keys, _database.Time, _settings);
    private AuditChainVerifier Verifier => new(_database, _keys);

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AnchorIfDue_IntervalNotPassed_MakesNoSecondAnchor()
    {
        await AddHolidaysAsync(3);
        Assert.Equal(1, await Anchors.AnchorIfDueAsync());
        await AddHolidaysAsync(2, from: 10);

        Assert.Equal(0, await Anchors.AnchorIfDueAsync());
        _database.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Anchors.AnchorIfDueAsync());

        var page = await Anchors.PageAsync(0, 20);
        Assert.Equal(2, page.TotalCount);
        Assert.All(page.Items, a => Assert.True(a.IsSignedBy(_keys.CurrentAnchorPublicKey)));
    }

    [Fact]
    public async Task AnchorIfDue_NothingNewSinceLastAnchor_MakesNone()
    {
        await AddHolidaysAsync(3);
        await Anchors.AnchorIfDueAsync();
        _database.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await Anchors.AnchorIfDueAsync());
    }

    [Fact]
    public async Task Verify_CleanChainWithAnchors_IsIntact()
    {
        await AnchoredChainAsync();

        var report = await Verifier.VerifyAsync();

        Assert.True(report.IsIntact, report.Problem ?? report.AnchorProblem);
        Assert.Equal(2, report.AnchorsChecked);
    }

    [Fact]
    public async Task Verify_LogRechainedAfterAnEdit_NamesTheContradictedAnchor()
    {
        var (first, _) = await AnchoredChainAsync();
        // Edit entry 2 and recompute every hash after it, as someone with the database file and this code could.
        await RewriteAsync(connection => RechainFrom(connection, 2, "{\"Date\":\"2026-10-02\",\"Kind\":2,\"Name\":\"调休上班\"}"));

        var report = await Verifier.VerifyAsync();

        Assert.Null(report.Problem);
        Assert.False(report.IsIntact);
        Assert.Equal(first.Id, report.ContradictedAnchorId);
        Assert.Contains($"第 {first.Id} 号锚点", report.AnchorProblem);
        Assert.Contains("改写", report.AnchorProblem);
    }

    [Fact]
    public async Task Verify_TailDeleted_NamesTheAnchorPastTheNewTail()
    {
        var (_, second) = await AnchoredChainAsync();
        await RewriteAsync(connection => Execute(connection, $"DELETE FROM AuditLog WHERE Sequence >= {second.Sequence - 1}"));

        var report = await Verifier.VerifyAsync();

        Assert.Null(report.Problem);
        Assert.Equal(second.Id, report.ContradictedAnchorId);
        Assert.Contains("末尾被删除", report.AnchorProblem);
    }

    [Fact]
    public async Task Verify_AnchorResignedWithAnotherKey_IsCalledForged()
    {
        var (first, _) = await AnchoredChainAsync();
        var stranger = PlatformKeyRing.CreateNew();
        var forged = new AuditAnchor(first.Sequence, first.Hash, first.AnchoredUtc, stranger);
        await RewriteAsync(connection => Execute(connection,
            $"UPDATE AuditAnchors SET KeyId = '{forged.KeyId}', PublicKey = '{forged.PublicKey}', Signature = '{forged.Signature}' WHERE Id = {first.Id}"));

        var report = await Verifier.VerifyAsync();

        Assert.Equal(first.Id, report.ContradictedAnchorId);
        Assert.Contains("伪造", report.AnchorProblem);
    }

    /// <summary>Five holidays, an anchor, five more, a second anchor an hour later.</summary>
    private async Task<(AuditAnchor First, AuditAnchor Second)> AnchoredChainAsync()
    {
        await AddHolidaysAsync(5);
        Assert.Equal(1, await Anchors.AnchorIfDueAsync());
        await AddHolidaysAsync(5, from: 10);
        _database.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await Anchors.AnchorIfDueAsync());
        await AddHolidaysAsync(2, from: 20);
        var anchors = (await Anchors.PageAsync(0, 10)).Items.OrderBy(a => a.Id).ToList();
        return (anchors[0], anchors[1]);
    }

    private async Task AddHolidaysAsync(int count, int from = 0)
    {
        for (var i = 0; i < count; i++)
        {
            await using var db = _database.CreateDbContext();
            db.HolidayDates.Add(new HolidayDate(new DateOnly(2026, 10, 1).AddDays(from + i), HolidayKind.Holiday, "国庆节假日"));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Changes the file through a connection of its own, with the append-only triggers dropped.</summary>
    private async Task RewriteAsync(Action<SqliteConnection> change)
    {
        await using var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        await connection.OpenAsync();
        Execute(connection, "DROP TRIGGER IF EXISTS AuditLog_NoUpdate; DROP TRIGGER IF EXISTS AuditLog_NoDelete;");
        change(connection);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Replaces entry <paramref name="from"/>'s changes and recomputes its hash and every later one.</summary>
    private void RechainFrom(SqliteConnection connection, long from, string changes)
    {
        using var db = _database.CreateDbContext();
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from - 1).OrderBy(e => e.Sequence).ToList();
        var previousHash = entries[0].Hash;
        foreach (var entry in entries.Skip(1))
        {
            if (entry.Sequence == from)
            {
                entry.Changes = changes;
            }
            entry.PreviousHash = previousHash;
            entry.Hash = previousHash = entry.ComputeHash();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE AuditLog SET Changes = $c, PreviousHash = $p, Hash = $h WHERE Sequence = $s";
            command.Parameters.AddWithValue("$c", entry.Changes);
            command.Parameters.AddWithValue("$p", entry.PreviousHash);
            command.Parameters.AddWithValue("$h", entry.Hash);
            command.Parameters.AddWithValue("$s", entry.Sequence);
            command.ExecuteNonQuery();
        }
    }
}
