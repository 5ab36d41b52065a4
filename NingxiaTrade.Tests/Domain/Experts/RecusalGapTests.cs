using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>
/// Issue 10 item 10: recusal of the supervising department's staff (招标投标法实施条例 第46条第4款) and, in procurement, of
/// experts who worked for a supplier within three years (政府采购法实施条例 第9条), from the expert's employment history.
/// </summary>
public class RecusalGapTests : ExpertTestBase
{
    /// <summary>The harness project is supervised by 发展改革委.</summary>
    private const string Department = "宁夏回族自治区发展和改革委员会";

    private async Task<DrawGroup> DrawGroupAsync(DrawRequest request)
    {
        ActAsClerk();
        var id = await Draws.DrawAsync(request);
        await using var db = Database.CreateDbContext();
        return (await db.ExpertDraws.Include(d => d.Groups).SingleAsync(d => d.Id == id)).Groups.Single();
    }

    private async Task MakeProjectProcurementAsync()
    {
        await using var db = Database.CreateDbContext();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE TradeProjects SET TradeType = {(int)TradeType.GovernmentProcurement} WHERE Id = {ProjectId}");
    }

    private DateOnly Today => ChinaTime.DateOf(Now);

    [Fact]
    public async Task Draw_ExpertEmployedBySupervisingDepartment_IsRemoved()
    {
        await AddExpertsAsync(6);
        var byEmployer = await AddExpertAsync("发改委职工", employer: " 宁夏回族自治区发展和改革委员会 ");
        var byHistory = await AddExpertAsync("借调职工", change: e => e.AddEmployment(new EmploymentForm(Department, null, Today.AddYears(-1), null)));
        await AddExpertAsync("曾在发改委", change: e => e.AddEmployment(new EmploymentForm(Department, null, Today.AddYears(-6), Today.AddYears(-2))));
        await AddExpertAsync("财政厅职工", employer: "宁夏回族自治区财政厅");

        var group = await DrawGroupAsync(Request());
        Assert.Equal(new[] { byEmployer, byHistory }.Order(), group.Removed[RecusalRule.EmployerIsSupervisingDepartment].Order());
        Assert.Equal(8, group.PoolSize);

        var off = await DrawGroupAsync(Request(rules: RecusalSettings.AllOn with { EmployerIsSupervisingDepartment = false }));
        Assert.False(off.Removed.ContainsKey(RecusalRule.EmployerIsSupervisingDepartment));
        Assert.Equal(10, off.PoolSize);
    }

    [Fact]
    public async Task Draw_ProcurementExpertWhoWorkedForSupplierWithinThreeYears_IsRemoved()
    {
        await MakeProjectProcurementAsync();
        await AddExpertsAsync(6);
        var supplier = await AddEntityAsync("宁夏甲科技有限公司", "3", "104000000000003");
        string code;
        await using (var db = Database.CreateDbContext())
        {
            code = (await db.MarketEntities.SingleAsync(e => e.Id == supplier)).Code.Value;
        }
        var byName = await AddExpertAsync("前员工", change: e => e.AddEmployment(new EmploymentForm("宁夏甲科技有限公司", null, Today.AddYears(-8), Today.AddYears(-2))));
        var byCode = await AddExpertAsync("前员工2", change: e => e.AddEmployment(new EmploymentForm("甲科技（旧名）", code, Today.AddYears(-5), Today.AddYears(-3).AddDays(5))));
        await AddExpertAsync("早已离职", change: e => e.AddEmployment(new EmploymentForm("宁夏甲科技有限公司", code, Today.AddYears(-9), Today.AddYears(-4))));
        await AddExpertAsync("无任职经历");

        var group = await DrawGroupAsync(Request(bidders: [supplier]));
        Assert.Equal(new[] { byName, byCode }.Order(), group.Removed[RecusalRule.FormerEmployerIsBidder].Order());

        var off = await DrawGroupAsync(Request(bidders: [supplier], rules: RecusalSettings.AllOn with { FormerEmployerIsBidder = false }));
        Assert.False(off.Removed.ContainsKey(RecusalRule.FormerEmployerIsBidder));
    }

    [Fact]
    public async Task Draw_EngineeringExpertWhoWorkedForBidder_NotRemovedByProcurementRule()
    {
        await AddExpertsAsync(6);
        var bidder = await AddEntityAsync("宁夏甲建设有限公司", "3", "104000000000003");
        var former = await AddExpertAsync("前员工", change: e => e.AddEmployment(new EmploymentForm("宁夏甲建设有限公司", null, Today.AddYears(-3), Today.AddYears(-1))));

        var group = await DrawGroupAsync(Request(bidders: [bidder]));
        Assert.False(group.Removed.ContainsKey(RecusalRule.FormerEmployerIsBidder));
        Assert.Contains(former, group.PoolIds);
    }

    [Fact]
    public void Validate_FormerEmployerYearsBelowThree_Refused()
    {
        var refused = Assert.Throws<DomainException>(() => (RecusalSettings.AllOn with { FormerEmployerYears = 2 }).Validate());
        Assert.Contains("第九条", refused.Message);
    }

    [Fact]
    public async Task AddEmployment_BadDatesOrCode_RefusedAndNothingSaved()
    {
        var id = await AddExpertAsync("专家甲");
        ActAsClerk();
        var backwards = await Assert.ThrowsAsync<DomainException>(() => Pool.AddEmploymentAsync(id, new EmploymentForm("某公司", null, Today, Today.AddDays(-1))));
        Assert.Equal("任职结束日期不能早于开始日期。", backwards.Message);
        var badCode = await Assert.ThrowsAsync<DomainException>(() => Pool.AddEmploymentAsync(id, new EmploymentForm("某公司", "91640100XXXXXXXXXX", Today.AddYears(-1), null)));
        Assert.StartsWith("任职单位的统一社会信用代码有误", badCode.Message);
        await Pool.AddEmploymentAsync(id, new EmploymentForm("某公司", null, Today.AddYears(-2), null));
        var overlap = await Assert.ThrowsAsync<DomainException>(() => Pool.AddEmploymentAsync(id, new EmploymentForm("某 公司", null, Today.AddYears(-1), null)));
        Assert.Contains("重叠", overlap.Message);

        var expert = await Pool.GetAsync(id);
        var only = Assert.Single(expert.Employments);
        Assert.EndsWith("至 今", only.Period);
    }

    [Fact]
    public async Task AddMyEmployment_ExpertOnOwnRecord_SavedAndAudited()
    {
        var id = await AddExpertAsync("专家乙");
        await using (var db = Database.CreateDbContext())
        {
            (await db.Users.SingleAsync(u => u.Id == ExpertUserId)).ExpertId = id;
            await db.SaveChangesAsync();
        }
        ActAsExpert();
        await Pool.AddMyEmploymentAsync(new EmploymentForm("宁夏某设计院", null, Today.AddYears(-4), Today.AddYears(-1)));
        var mine = await Pool.MineAsync();
        Assert.Equal("宁夏某设计院", Assert.Single(mine!.Employments).EmployerName);
        await Pool.RemoveMyEmploymentAsync(mine.Employments[0].Id);
        Assert.Empty((await Pool.MineAsync())!.Employments);
        await using var check = Database.CreateDbContext();
        Assert.True(await check.AuditEntries.CountAsync(a => a.EntityType.Contains("ExpertEmployment")) >= 2);
    }
}
