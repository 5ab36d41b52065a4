using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>
/// Issue 9 item 1: every draw operation applies the projects module's data scope. The project is 银川's (supervised by
/// 发展改革委); the 吴忠 clerk and another department's supervisor are answered as if the lot or draw did not exist.
/// </summary>
public class DrawScopeTests : ExpertTestBase
{
    private const string OtherDepartment = "财政厅";

    private async Task<Guid> DrawAsYinchuanAsync()
    {
        await AddExpertsAsync(10);
        ActAsClerk();
        return await Draws.DrawAsync(Request(count: 3, backups: 1));
    }

    private async Task<int> ViewCountAsync(Guid drawId)
    {
        await using var db = Database.CreateDbContext();
        return await db.ExpertDrawViews.CountAsync(v => v.DrawId == drawId);
    }

    [Fact]
    public async Task Draw_OtherCentresClerk_RefusedLikeAnUnknownLotAndNothingSaved()
    {
        await AddExpertsAsync(10);
        ActAsClerk(ProjectHarness.WuzhongClerk);

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => Draws.DrawAsync(Request()));
        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => Draws.DrawAsync(Request() with { LotId = Guid.NewGuid() }));

        Assert.Equal(unknown.Message, refused.Message);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ExpertDraws.AnyAsync());
    }

    [Fact]
    public async Task Draw_OwnCentresAndRegionalClerk_Allowed()
    {
        await AddExpertsAsync(10);
        ActAsClerk();
        await Draws.DrawAsync(Request());
        ActAsClerk(ProjectHarness.RegionalClerk);
        await Draws.DrawAsync(Request());
        await using var db = Database.CreateDbContext();
        Assert.Equal(2, await db.ExpertDraws.CountAsync());
    }

    [Fact]
    public async Task LotChoices_OtherCentresClerk_DoesNotListTheLot()
    {
        ActAsClerk();
        Assert.Contains(await Draws.LotChoicesAsync(), l => l.LotId == LotId);
        ActAsClerk(ProjectHarness.WuzhongClerk);
        Assert.DoesNotContain(await Draws.LotChoicesAsync(), l => l.LotId == LotId);
    }

    [Fact]
    public async Task BidderChoices_OtherCentresClerk_RefusedLikeAnUnknownLot()
    {
        ActAsClerk();
        await Draws.BidderChoicesAsync(LotId);
        ActAsClerk(ProjectHarness.WuzhongClerk);
        await Assert.ThrowsAsync<NotFoundException>(() => Draws.BidderChoicesAsync(LotId));
    }

    [Fact]
    public async Task Get_OtherCentresClerk_RefusedLikeAnUnknownDrawAndNoViewRecorded()
    {
        var id = await DrawAsYinchuanAsync();
        ActAsClerk(ProjectHarness.WuzhongClerk);
        var refused = await Assert.ThrowsAsync<NotFoundException>(() => Draws.GetAsync(id));
        Assert.Equal("未找到该抽取记录。", refused.Message);
        Assert.Equal(0, await ViewCountAsync(id));
    }

    [Fact]
    public async Task Get_SupervisorOfTheProjectsDepartment_SeesNames_OtherDepartmentRefused()
    {
        var id = await DrawAsYinchuanAsync();
        ActAsSupervisor();
        Assert.NotEmpty((await Draws.GetAsync(id)).Members);
        Harness.Act(ProjectHarness.SupervisorOf(OtherDepartment));
        await Assert.ThrowsAsync<NotFoundException>(() => Draws.GetAsync(id));
    }

    [Fact]
    public async Task List_SupervisorsSeeOnlyTheirDepartmentsDraws_TradingBureauSeesAll()
    {
        var id = await DrawAsYinchuanAsync();
        ActAsSupervisor();
        Assert.Contains(await Draws.ListAsync(), d => d.Id == id);
        Harness.Act(ProjectHarness.SupervisorOf("公共资源交易管理局"));
        Assert.Contains(await Draws.ListAsync(), d => d.Id == id);
        Harness.Act(ProjectHarness.SupervisorOf(OtherDepartment));
        Assert.DoesNotContain(await Draws.ListAsync(), d => d.Id == id);
        ActAsClerk(ProjectHarness.WuzhongClerk);
        Assert.Empty(await Draws.ListAsync(LotId));
    }

    [Fact]
    public async Task Verify_SupervisorOfOtherDepartment_RefusedLikeAnUnknownDraw()
    {
        var id = await DrawAsYinchuanAsync();
        ActAsSupervisor();
        Assert.True((await Draws.VerifyAsync(id)).Same);
        Harness.Act(ProjectHarness.SupervisorOf(OtherDepartment));
        await Assert.ThrowsAsync<NotFoundException>(() => Draws.VerifyAsync(id));
    }

    [Fact]
    public async Task FeeSheet_OtherCentresClerk_RefusedLikeAnUnknownDraw()
    {
        var id = await DrawAsYinchuanAsync();
        ActAsClerk(ProjectHarness.WuzhongClerk);
        await Assert.ThrowsAsync<NotFoundException>(() => Sessions.FeeSheetXlsxAsync(id));
        Assert.Equal(0, await ViewCountAsync(id));
    }

    [Fact]
    public async Task FeeSheet_Download_IsRecordedInTheDrawsViewLog()
    {
        var id = await DrawAsYinchuanAsync();
        ActAsClerk();
        var xlsx = await Sessions.FeeSheetXlsxAsync(id);
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        Assert.Equal("姓名", workbook.Worksheet(1).Cell(1, 2).GetString());

        await using var db = Database.CreateDbContext();
        var view = await db.ExpertDrawViews.SingleAsync(v => v.DrawId == id);
        Assert.Equal(ExpertSessionService.FeeSheetPurpose, view.Purpose);
        Assert.Equal(ProjectHarness.YinchuanClerk, view.UserId);
    }

    [Fact]
    public async Task Assess_OtherCentresClerk_RefusedLikeAnUnknownDraw()
    {
        var id = await DrawAsYinchuanAsync();
        Harness.Advance(TimeSpan.FromDays(4));
        ActAsClerk(ProjectHarness.WuzhongClerk);
        await using var db = Database.CreateDbContext();
        var expertId = (await db.DrawMembers.FirstAsync(m => m.DrawId == id)).ExpertId;
        await Assert.ThrowsAsync<NotFoundException>(() => Sessions.AssessAsync(id, expertId, new AssessmentScores(5, 5, 5, 5), null));
        Assert.False(await db.ExpertAssessments.AnyAsync());
    }
}
