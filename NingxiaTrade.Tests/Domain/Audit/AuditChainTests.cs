using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Audit;

/// <summary>
/// The audit log is a hash chain written in the same transaction as the change it records. These tests edit
/// the database file the way someone with a SQLite editor would, and expect the verifier to name the row.
/// </summary>
public class AuditChainTests
{
    private const string Table = "AuditLog";
    private const int ChainLength = 5;
    private const string ForgedChanges = """{"Date":"2026-10-03","Kind":2,"Name":"调休上班"}""";

    [Fact]
    public async Task SaveChanges_UniqueIndexViolation_LeavesNoAuditEntryAndChainIntact()
    {
        await using var database = new TestDatabase();
        await SaveAsync(database, db => db.TradingCentres.Add(new TradingCentre("640100", "银川市公共资源交易中心")));

        // One valid centre and one that repeats a region code: the whole SaveChanges fails.
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(database, db =>
        {
            db.TradingCentres.Add(new TradingCentre("640200", "石嘴山市公共资源交易中心"));
            db.TradingCentres.Add(new TradingCentre("640100", "银川市第二交易中心"));
        }));

        await using (var read = database.CreateDbContext())
        {
            Assert.Equal(["640100"], await read.TradingCentres.Select(c => c.RegionCode).ToListAsync());
            Assert.Equal([1L], await read.AuditEntries.Select(e => e.Sequence).ToListAsync());
        }
        Assert.True((await VerifyAsync(database)).IsIntact);

        // The failed attempt did not use up a sequence number.
        await SaveAsync(database, db => db.TradingCentres.Add(new TradingCentre("640300", "吴忠市公共资源交易中心")));
        await using var after = database.CreateDbContext();
        Assert.Equal([1L, 2L], await after.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_AuditAppendFails_ChangeIsRolledBack()
    {
        await using var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
        {
            // abs() of the smallest integer is SQLite's "integer overflow": any insert into the log now fails.
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TRIGGER audit_down BEFORE INSERT ON {Table} BEGIN SELECT abs(-9223372036854775807 - 1); END");
        }

        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            SaveAsync(database, db => db.TradingCentres.Add(new TradingCentre("640100", "银川市公共资源交易中心"))));

        await using var read = database.CreateDbContext();
        Assert.Equal(0, await read.TradingCentres.CountAsync());
        Assert.Equal(0, await read.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task SaveChanges_ModifiedEntity_RecordsOnlyChangedValuesWithOldAndNew()
    {
        await using var database = new TestDatabase();
        await SaveAsync(database, db => db.TradingCentres.Add(new TradingCentre("640100", "银川市公共资源交易中心", phone: "0951-1111111")));
        await using (var db = database.CreateDbContext())
        {
            var centre = await db.TradingCentres.SingleAsync();
            centre.Rename("银川市公共资源交易服务中心");
            centre.Phone = "0951-2222222";
            await db.SaveChangesAsync();
        }

        var entry = await LastEntryAsync(database);
        Assert.Equal("Modified", entry.Action);
        Assert.Equal(nameof(TradingCentre), entry.EntityType);
        using var changes = JsonDocument.Parse(entry.Changes);
        var recorded = changes.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => (p.Value.GetProperty("原值").GetString(), p.Value.GetProperty("新值").GetString()));
        Assert.Equal(2, recorded.Count);
        Assert.Equal(("银川市公共资源交易中心", "银川市公共资源交易服务中心"), recorded["Name"]);
        Assert.Equal(("0951-1111111", "0951-2222222"), recorded["Phone"]);
        // Chinese is written as characters, readable in the log without decoding.
        Assert.Contains("\"原值\":\"银川市公共资源交易中心\"", entry.Changes);
    }

    [Fact]
    public async Task SaveChanges_UserCredentials_NeverAppearInClear()
    {
        await using var database = new TestDatabase();
        var hasher = new PasswordHasher<ApplicationUser>();
        var user = new ApplicationUser { UserName = "li@demo.cn", Email = "li@demo.cn", DisplayName = "李四" };
        user.PasswordHash = hasher.HashPassword(user, "First@2026nx");
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var secrets = new List<string> { user.PasswordHash, user.SecurityStamp };
        await SaveAsync(database, db => db.Users.Add(user));

        await using (var db = database.CreateDbContext())
        {
            var stored = await db.Users.SingleAsync();
            stored.PasswordHash = hasher.HashPassword(stored, "Second@2026nx");
            stored.SecurityStamp = Guid.NewGuid().ToString("N");
            secrets.AddRange([stored.PasswordHash, stored.SecurityStamp]);
            await db.SaveChangesAsync();
            db.Users.Remove(stored);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateDbContext();
        var entries = await read.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["Added", "Modified", "Deleted"], entries.Select(e => e.Action));
        foreach (var entry in entries)
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, entry.Changes));
            // The log still says that they changed.
            Assert.Contains("\"PasswordHash\":", entry.Changes);
            Assert.Contains("\"SecurityStamp\":", entry.Changes);
        }
    }

    [Fact]
    public async Task VerifyAsync_CleanChain_ReportsIntact()
    {
        await using var database = await ChainAsync(onDisk: false);

        var report = await VerifyAsync(database);

        Assert.True(report.IsIntact, report.Problem);
        Assert.Equal(ChainLength, report.EntriesChecked);
        Assert.Null(report.Problem);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(ChainLength)]
    public async Task VerifyAsync_RowEditedInSqliteEditor_NamesThatRow(long sequence)
    {
        await using var database = await ChainAsync(onDisk: true);

        await ExecuteRawAsync(database, $"UPDATE {Table} SET UserName = 'someone.else@demo.cn' WHERE Sequence = $sequence", sequence);

        var report = await VerifyAsync(database);
        Assert.Equal(sequence, report.FirstBrokenSequence);
        Assert.Contains("篡改", report.Problem);
    }

    [Fact]
    public async Task VerifyAsync_RowEditedAndItsHashRecomputed_NamesTheNextRow()
    {
        await using var database = await ChainAsync(onDisk: true);
        AuditEntry forged;
        await using (var db = database.CreateDbContext())
        {
            forged = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 3);
        }
        Assert.NotEqual(ForgedChanges, forged.Changes);
        forged.Changes = ForgedChanges;
        forged.Hash = forged.ComputeHash();

        await ExecuteRawAsync(database, $"UPDATE {Table} SET Changes = $changes, Hash = $hash WHERE Sequence = $sequence",
            3L, ("$changes", forged.Changes), ("$hash", forged.Hash));

        var report = await VerifyAsync(database);
        Assert.Equal(4, report.FirstBrokenSequence);
        Assert.Contains("不衔接", report.Problem);
    }

    [Fact]
    public async Task VerifyAsync_MiddleRowDeleted_ReportsTheMissingSequence()
    {
        await using var database = await ChainAsync(onDisk: true);

        await ExecuteRawAsync(database, $"DELETE FROM {Table} WHERE Sequence = $sequence", 3L);

        var report = await VerifyAsync(database);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Equal(2, report.EntriesChecked);
        Assert.Contains("缺少第 3 条", report.Problem);
    }

    [Fact]
    public async Task VerifyAsync_ChainLongerThanOnePage_ChecksAcrossPages()
    {
        // The verifier reads 2,000 entries at a time; a forged entry past the first page must still be found.
        await using var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
        {
            var previousHash = AuditEntry.GenesisHash;
            for (long sequence = 1; sequence <= 2500; sequence++)
            {
                var entry = new AuditEntry
                {
                    Sequence = sequence, TimestampUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(sequence),
                    UserName = "system", Action = "Added", EntityType = "HolidayDate", EntityKey = sequence.ToString(),
                    Changes = "{}", PreviousHash = previousHash,
                };
                entry.Hash = previousHash = entry.ComputeHash();
                db.AuditEntries.Add(entry);
            }
            await db.SaveChangesAsync();
        }
        Assert.Equal(new AuditChainReport(2500, null, null), await VerifyAsync(database));

        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync(DropAppendOnlyTriggers);
            await db.Database.ExecuteSqlRawAsync($"UPDATE {Table} SET Changes = {{0}} WHERE Sequence = 2345", "{\"forged\":true}");
        }
        Assert.Equal(2345, (await VerifyAsync(database)).FirstBrokenSequence);
    }

    [Fact]
    public async Task SaveChanges_ParallelContextsOnOneFile_SequenceHasNoGapsAndChainVerifies()
    {
        const int Writers = 4;
        const int SavesEach = 25;
        await using var database = new TestDatabase(onDisk: true);
        var firstDay = new DateOnly(2027, 1, 1);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < SavesEach; i++)
            {
                var day = firstDay.AddDays(writer * SavesEach + i);
                await SaveAsync(database, db => db.HolidayDates.Add(new HolidayDate(day, HolidayKind.Holiday, $"测试假日{writer}-{i}")));
            }
        })));

        await using (var read = database.CreateDbContext())
        {
            Assert.Equal(Writers * SavesEach, await read.HolidayDates.CountAsync());
            var sequences = await read.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            Assert.Equal(Enumerable.Range(1, Writers * SavesEach).Select(i => (long)i), sequences);
        }
        var report = await VerifyAsync(database);
        Assert.True(report.IsIntact, report.Problem);
    }

    [Fact]
    public async Task SaveChanges_AuditEntryModified_IsRefused()
    {
        await using var database = await ChainAsync(onDisk: false);
        await using (var db = database.CreateDbContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            entry.UserName = "someone.else@demo.cn";
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("只能追加", refused.Message);
        }
        Assert.True((await VerifyAsync(database)).IsIntact);
    }

    [Fact]
    public async Task SaveChanges_AuditEntryDeleted_IsRefused()
    {
        await using var database = await ChainAsync(onDisk: false);
        await using (var db = database.CreateDbContext())
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Sequence == ChainLength));
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("只能追加", refused.Message);
        }
        await using var read = database.CreateDbContext();
        Assert.Equal(ChainLength, await read.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task ExecuteDelete_AuditEntries_IsRefusedByTheDatabase()
    {
        await using var database = await ChainAsync(onDisk: false);
        await using (var db = database.CreateDbContext())
        {
            // EF's bulk delete and update do not go through SaveChanges; the database's append-only triggers refuse them.
            var delete = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(e => e.Sequence >= 4).ExecuteDeleteAsync());
            Assert.Contains("只能追加", delete.Message);
            var update = await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.ExecuteUpdateAsync(u => u.SetProperty(e => e.UserName, "x")));
            Assert.Contains("只能追加", update.Message);
        }
        await using var read = database.CreateDbContext();
        Assert.Equal(ChainLength, await read.AuditEntries.CountAsync());
    }

    private const string DropAppendOnlyTriggers = "DROP TRIGGER IF EXISTS AuditLog_NoUpdate; DROP TRIGGER IF EXISTS AuditLog_NoDelete;";

    /// <summary>A chain of <see cref="ChainLength"/> entries, one per saved holiday.</summary>
    private static async Task<TestDatabase> ChainAsync(bool onDisk)
    {
        var database = new TestDatabase(onDisk);
        for (var i = 0; i < ChainLength; i++)
        {
            var day = new DateOnly(2026, 10, 1).AddDays(i);
            await SaveAsync(database, db => db.HolidayDates.Add(new HolidayDate(day, HolidayKind.Holiday, "国庆节假日")));
        }
        return database;
    }

    private static async Task SaveAsync(TestDatabase database, Action<NingxiaTrade.Domain.Data.TradeDbContext> change)
    {
        await using var db = database.CreateDbContext();
        change(db);
        await db.SaveChangesAsync();
    }

    private static async Task<AuditEntry> LastEntryAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
    }

    private static Task<AuditChainReport> VerifyAsync(TestDatabase database) => new AuditChainVerifier(database).VerifyAsync();

    /// <summary>One statement on the database file through a connection of its own, outside the application.</summary>
    private static async Task ExecuteRawAsync(TestDatabase database, string sql, long sequence, params (string Name, string Value)[] values)
    {
        await using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        await connection.OpenAsync();
        // Someone with a SQLite editor can drop the append-only triggers first; the hash chain still tells.
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = DropAppendOnlyTriggers;
            await drop.ExecuteNonQueryAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$sequence", sequence);
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
