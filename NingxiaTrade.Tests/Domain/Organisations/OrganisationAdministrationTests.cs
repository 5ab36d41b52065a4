using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Organisations;

public class OrganisationAdministrationTests
{
    private static async Task<(TestDatabase Db, OrganisationAdministration Admin)> SeededAsync()
    {
        var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
        {
            await ReferenceData.SeedAsync(db);
        }
        return (database, new OrganisationAdministration(database, database.User));
    }

    [Fact]
    public async Task Seed_HasRegionalAndFiveCityCentresAndTenDepartments()
    {
        var (database, admin) = await SeededAsync();
        using var _ = database;
        var centres = await admin.CentresAsync();
        Assert.Equal(["640000", "640100", "640200", "640300", "640400", "640500"], centres.Select(c => c.RegionCode));
        var departments = await admin.DepartmentsAsync();
        Assert.Equal(10, departments.Count);
        Assert.Contains(departments, d => d.ShortName == "财政厅" && d.SupervisedTypes.SequenceEqual([TradeType.GovernmentProcurement]));
        Assert.Equal(5, departments.Single(d => d.ShortName == "公共资源交易管理局").SupervisedTypes.Count);
    }

    [Fact]
    public async Task SaveCentre_SecondCentreForARegion_RefusedAndNothingSaved()
    {
        var (database, admin) = await SeededAsync();
        using var _ = database;
        var ex = await Assert.ThrowsAsync<DomainException>(() => admin.SaveCentreAsync(null, new CentreForm("640100", "银川市第二交易中心", null, null)));
        Assert.Contains("银川市已有交易中心", ex.Message);
        Assert.Equal(6, (await admin.CentresAsync()).Count);
    }

    [Theory]
    [InlineData("110000", "银川新中心", null, "不是宁夏回族自治区或其地级市的代码")]
    [InlineData("640100", "", null, "名称应为2至100个字符")]
    [InlineData("640100", "银川市公共资源交易中心", "电话abc", "联系电话格式不正确")]
    public async Task SaveCentre_BadInput_RefusedInChinese(string region, string name, string? phone, string expected)
    {
        var (database, admin) = await SeededAsync();
        using var _ = database;
        var centres = await admin.CentresAsync();
        var yinchuan = centres.Single(c => c.RegionCode == "640100");
        var ex = await Assert.ThrowsAsync<DomainException>(() => admin.SaveCentreAsync(yinchuan.Id, new CentreForm(region, name, null, phone)));
        Assert.Contains(expected, ex.Message);
        await using var db = database.CreateDbContext();
        Assert.Equal("银川市公共资源交易中心", (await db.TradingCentres.SingleAsync(c => c.Id == yinchuan.Id)).Name);
    }

    [Fact]
    public async Task SaveDepartment_EditTypes_IsAuditedWithOldAndNewValues()
    {
        var (database, admin) = await SeededAsync();
        using var _ = database;
        var water = (await admin.DepartmentsAsync()).Single(d => d.ShortName == "水利厅");
        await admin.SaveDepartmentAsync(water.Id, new DepartmentForm("水利厅", water.Name, water.RegionCode,
            [TradeType.EngineeringBidding, TradeType.GovernmentProcurement]));
        await using var db = database.CreateDbContext();
        var entry = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("Modified", entry.Action);
        Assert.Equal("SupervisingDepartment", entry.EntityType);
        Assert.Contains("原值", entry.Changes);
        Assert.Contains("新值", entry.Changes);
    }

    [Fact]
    public async Task Deactivate_RegionalCentre_Refused()
    {
        var (database, admin) = await SeededAsync();
        using var _ = database;
        var regional = (await admin.CentresAsync()).Single(c => c.IsRegional);
        var ex = await Assert.ThrowsAsync<DomainException>(() => admin.SetCentreActiveAsync(regional.Id, false));
        Assert.Equal("自治区公共资源交易中心不能停用。", ex.Message);
    }

    [Fact]
    public async Task Save_ByNonAdmin_AccessDenied_ButReadingIsAllowed()
    {
        var (database, admin) = await SeededAsync();
        using var _ = database;
        database.User.As(Roles.Bidder);
        Assert.Equal(6, (await admin.CentresAsync()).Count);
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.SaveCentreAsync(null, new CentreForm("640100", "任意", null, null)));
        database.User.Anonymous();
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.CentresAsync());
    }
}
