using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Audit;

public class AuditSmokeTests
{
    [Fact]
    public async Task SaveChanges_AddedEntity_AppendsLinkedEntry()
    {
        await using var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
        {
            db.TradingCentres.Add(new TradingCentre("640100", "银川市公共资源交易中心"));
            await db.SaveChangesAsync();
        }
        await using var read = database.CreateDbContext();
        var entry = await read.AuditEntries.SingleAsync();
        Assert.Equal(1, entry.Sequence);
        Assert.Equal("Added", entry.Action);
        Assert.Equal("admin@test.cn", entry.UserName);
        Assert.Contains("银川市公共资源交易中心", entry.Changes);
        Assert.Equal(entry.ComputeHash(), entry.Hash);
    }
}
