using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Audit;

/// <summary>The audit screen speaks Chinese: every entity type and field of the model has a name; values are readable.</summary>
public class AuditDisplayTests
{
    [Fact]
    public void DisplayNames_EveryEntityTypeAndPropertyOfTheModel_HasAChineseName()
    {
        using var database = new TestDatabase();
        using var db = database.CreateDbContext();
        var missing = new List<string>();
        foreach (var entityType in db.Model.GetEntityTypes())
        {
            if (AuditDisplayNames.EntityType(entityType.DisplayName()) == entityType.DisplayName())
            {
                missing.Add(entityType.DisplayName());
            }
            missing.AddRange(entityType.GetProperties()
                .Where(p => AuditDisplayNames.Field(p.Name) == p.Name)
                .Select(p => $"{entityType.DisplayName()}.{p.Name}"));
        }
        Assert.True(missing.Count == 0, "No Chinese name in AuditDisplayNames: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Describe_ModifiedCentre_ChineseFieldsOldAndNewNoJson()
    {
        await using var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
        {
            db.TradingCentres.Add(new TradingCentre("640100", "银川市公共资源交易中心", phone: "0951-1111111"));
            await db.SaveChangesAsync();
            var centre = await db.TradingCentres.SingleAsync();
            centre.Phone = "0951-2222222";
            await db.SaveChangesAsync();
        }
        await using var read = database.CreateDbContext();
        var entry = await read.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();

        var line = Assert.Single(AuditChangeFormatter.Lines(entry, read.Model));

        Assert.Equal(("电话", "0951-1111111", "0951-2222222"), (line.Name, line.Old, line.New));
        Assert.Equal("交易中心", AuditEntry.EntityTypeChinese(entry.EntityType));
    }

    [Fact]
    public async Task Describe_AddedUser_TimesInChinaTimeSecretsHidden()
    {
        await using var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
        {
            db.Users.Add(new ApplicationUser
            {
                UserName = "li@demo.cn", Email = "li@demo.cn", DisplayName = "李四", PasswordHash = "secret-hash",
                CreatedUtc = new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc), TwoFactorEnabled = true,
            });
            await db.SaveChangesAsync();
        }
        await using var read = database.CreateDbContext();
        var entry = await read.AuditEntries.SingleAsync();

        var lines = AuditChangeFormatter.Lines(entry, read.Model).ToDictionary(l => l.Name, l => l.New);

        Assert.Equal("2026-11-27 10:00:00（北京时间）", lines["创建时间"]);
        Assert.Equal("（保密）", lines["密码哈希"]);
        Assert.Equal("是", lines["两步验证"]);
        Assert.Equal("李四", lines["姓名"]);
        Assert.DoesNotContain(lines.Values, v => v.Contains('{') || v.Contains('"'));
    }

    [Fact]
    public async Task SaveChanges_OnlySignInBookkeepingChanged_WritesNoEntityChange()
    {
        await using var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
        {
            db.Users.Add(new ApplicationUser { UserName = "li@demo.cn", Email = "li@demo.cn", DisplayName = "李四" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateDbContext())
        {
            var user = await db.Users.SingleAsync();
            user.LastSignInUtc = database.Time.GetUtcNow().UtcDateTime;
            user.AccessFailedCount = 0;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(1, await db.AuditEntries.CountAsync());
            // A lockout stays visible as a change of the account.
            var user = await db.Users.SingleAsync();
            user.AccessFailedCount = 5;
            user.LockoutEnd = database.Time.GetUtcNow().AddMinutes(15);
            await db.SaveChangesAsync();
        }
        await using var read = database.CreateDbContext();
        var lockout = await read.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("Modified", "ApplicationUser"), (lockout.Action, lockout.EntityType));
        Assert.Contains("LockoutEnd", lockout.Changes);
    }
}
