using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Experts;

public class ExpertFeeStandardTests
{
    private static readonly ExpertFeeStandard Standard = new() { BaseHours = 4, BaseFen = 80_000, HourlyFen = 15_000, CapFen = 200_000 };

    [Theory]
    [InlineData(0, 0)]
    [InlineData(60, 80_000)]
    [InlineData(240, 80_000)]
    [InlineData(241, 95_000)]
    [InlineData(360, 110_000)]
    [InlineData(600, 170_000)]
    [InlineData(720, 200_000)]
    [InlineData(1440, 200_000)]
    public void Calculate_BaseThenHourlyThenCap(int minutes, long fen) =>
        Assert.Equal(new Money(fen), Standard.Calculate(TimeSpan.FromMinutes(minutes)));
}

public class ExpertImportTests : ExpertTestBase
{
    private static MemoryStream Workbook(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("专家");
        var all = new[] { ExpertPool.ImportHeader }.Concat(rows).ToList();
        for (var r = 0; r < all.Count; r++)
        {
            for (var c = 0; c < all[r].Length; c++)
            {
                // Text cells, as the template sets them: an 18-digit number would lose its last digits.
                sheet.Cell(r + 1, c + 1).SetDataType(XLDataType.Text);
                sheet.Cell(r + 1, c + 1).SetValue(all[r][c]);
            }
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private static string Id(int n) => IdNumber.Generate("640104", new DateOnly(1975, 3, 1), n).Value;

    [Fact]
    public async Task Import_BadRows_ReportsEachRowAndWritesNothing()
    {
        ActAsClerk();
        var badCheck = Id(2)[..17] + (Id(2)[17] == '1' ? '2' : '1');
        var result = await Pool.ImportAsync("专家.xlsx", Workbook(
            ["张三", Id(1), "高级工程师", "宁夏某设计院", "银川市", "A04", "13900000000"],
            ["李四", badCheck, "高级工程师", "宁夏某设计院", "银川市", "A04", ""],
            ["王五", Id(3), "高级工程师", "宁夏某设计院", "西安市", "A04", ""],
            ["赵六", Id(4), "高级工程师", "宁夏某设计院", "吴忠市", "Z99", ""],
            ["张三二", Id(1), "工程师", "宁夏某设计院", "吴忠市", "A04", ""]));
        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6], result.Errors.Select(e => e.Row));
        Assert.Contains("校验码", result.Errors[0].Message);
        Assert.Contains("西安市", result.Errors[1].Message);
        Assert.Contains("Z99", result.Errors[2].Message);
        Assert.Contains("重复", result.Errors[3].Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Experts.CountAsync());
    }

    [Fact]
    public async Task Import_GoodRows_AddsActiveExperts()
    {
        ActAsClerk();
        var result = await Pool.ImportAsync("专家.xlsx", Workbook(
            ["张三", Id(1), "高级工程师", "宁夏某设计院", "银川市", "A04、A0801", "13900000000"],
            ["李四", Id(2), "工程师", "宁夏某咨询公司", "中卫市", "C01", ""]));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => $"{e.Row}: {e.Message}")));
        Assert.Equal(2, result.Added);
        var page = await Pool.ListAsync(new ExpertQuery(SpecialtyCode: "A08"));
        Assert.Equal("张三", Assert.Single(page.Items).Name);
        // Specialties read as names with their codes, never as bare codes.
        Assert.Equal("设计（A04）、" + await SpecialtyNameAsync("A0801") + "（A0801）", page.Items[0].Specialties);
    }

    private async Task<string> SpecialtyNameAsync(string code) => (await Pool.SpecialtiesAsync()).Single(s => s.Code == code).Name;

    [Fact]
    public async Task Import_NotXlsx_IsRefused()
    {
        ActAsClerk();
        await Assert.ThrowsAsync<DomainException>(() => Pool.ImportAsync("专家.csv", new MemoryStream([1, 2, 3])));
    }
}

public class ExpertAssessmentTests : ExpertTestBase
{
    [Fact]
    public async Task Assess_TwoPoorInAYear_SuspendsAndLowersCredit()
    {
        await AddExpertsAsync(4);
        var (drawId, member) = await DrawOneAcceptedAsync();
        Harness.Advance(TimeSpan.FromDays(3));
        var sessions = Sessions;
        await sessions.AssessAsync(drawId, member.ExpertId, new AssessmentScores(1, 2, 3, 2), "迟到一小时");
        Harness.Act(ProjectHarness.TendererId);
        await using (var db = Database.CreateDbContext())
        {
            // The harness registered the project as the clerk; the tenderer account assesses as the project's tenderer.
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE ExpertDraws SET TendererUserId = {ProjectHarness.TendererId} WHERE Id = {drawId}");
            // The tenderer's scope comes from the project it owns.
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE TradeProjects SET TendererUserId = {ProjectHarness.TendererId} WHERE Id = {ProjectId}");
        }
        await sessions.AssessAsync(drawId, member.ExpertId, new AssessmentScores(2, 2, 2, 2), "未遵守纪律");

        await using var check = Database.CreateDbContext();
        var expert = await check.Experts.SingleAsync(e => e.Id == member.ExpertId);
        Assert.Equal(ExpertStatus.Suspended, expert.Status);
        Assert.Equal(80, expert.CreditScore);

        ActAsClerk();
        var sheet = await sessions.FeeSheetAsync(drawId);
        Assert.Equal(new Money(110_000), Assert.Single(sheet).Fee);
        var xlsx = await sessions.FeeSheetXlsxAsync(drawId);
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        Assert.Equal(member.Name, workbook.Worksheet(1).Cell(2, 2).GetString());
    }
}

public class ExpertApplicationTests : ExpertTestBase
{
    [Fact]
    public async Task Apply_ThenClerkApproves_ExpertIsInThePoolAndLinked()
    {
        ActAsExpert();
        var id = await Pool.ApplyAsync(new ExpertProfile("周明远", IdNumber.Generate("640104", new DateOnly(1970, 2, 2), 8).Value, "高级工程师",
            "宁夏大学", null, "640100", ["A08"]));
        Assert.Equal(ExpertStatus.Pending, (await Pool.MineAsync())!.Status);
        await Assert.ThrowsAsync<DomainException>(() => Pool.ApplyAsync(new ExpertProfile("周明远", IdNumber.Generate("640104", new DateOnly(1970, 2, 2), 9).Value,
            "高级工程师", "宁夏大学", null, "640100", ["A08"])));

        ActAsClerk();
        await Assert.ThrowsAsync<DomainException>(() => Pool.ReviewAsync(id, false, null));
        await Pool.ReviewAsync(id, true, "材料齐全");
        ActAsExpert();
        Assert.Equal(ExpertStatus.Active, (await Pool.MineAsync())!.Status);
    }

    [Fact]
    public async Task Add_BadIdNumberOrUnknownSpecialty_IsRefused()
    {
        ActAsClerk();
        var good = IdNumber.Generate("640104", new DateOnly(1970, 2, 2), 8).Value;
        var error = await Assert.ThrowsAnyAsync<DomainException>(() => Pool.AddAsync(new ExpertProfile("张三", good[..17] + (good[17] == '0' ? '1' : '0'), "工程师", "宁夏大学", null, "640100", ["A08"])));
        Assert.Contains("校验码", error.Message);
        error = await Assert.ThrowsAnyAsync<DomainException>(() => Pool.AddAsync(new ExpertProfile("张三", good, "工程师", "宁夏大学", null, "640100", ["Z01"])));
        Assert.Contains("Z01", error.Message);
    }
}
