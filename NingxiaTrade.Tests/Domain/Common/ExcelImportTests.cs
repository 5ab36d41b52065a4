using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Tests.Domain.Calendar;
using NingxiaTrade.Tests.Domain.Experts;
using NingxiaTrade.Tests.Domain.MarketEntities;
using NingxiaTrade.Tests.Domain.Rules;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Common;

/// <summary>A clock that moves one second each time it is read, so a time limit passes after a known number of checks.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long _ticks;
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond);
}

/// <summary>The shared pipeline's checks, through the holiday import (the simplest of the four).</summary>
public sealed class ExcelImportTests : SeededCalendarTests
{
    private static readonly string[] Header = ["日期", "类型", "名称"];

    // 4,000 rows × 1,000 cells: about 57 MB of worksheet XML, well under 1 MB compressed.
    private static readonly Lazy<byte[]> FourMillionCells = new(() => XlsxFiles.Bomb(4_000, 1_000, dimension: null).ToArray());

    private HolidayAdministration Admin(ExcelImport? imports = null) => new(Database, Database.User, imports);

    private async Task<int> DateCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.HolidayDates.CountAsync();
    }

    private static MemoryStream Holidays(int count, string lastKind = "节假日")
    {
        var rows = new List<string[]> { Header };
        var day = new DateOnly(2027, 1, 1);
        for (var i = 0; i < count; i++)
        {
            rows.Add([day.AddDays(i).ToString("yyyy-MM-dd"), i == count - 1 ? lastKind : "节假日", "测试假日"]);
        }
        return XlsxFiles.TextWorkbook("节假日", [.. rows]);
    }

    [Fact]
    public async Task Import_ZipBomb_RefusedFromDeclaredSizeWithoutInflating()
    {
        Database.User.As(Roles.Admin);
        var bytes = FourMillionCells.Value;
        Assert.True(bytes.Length < HolidayAdministration.MaxImportBytes);
        using var file = new MemoryStream(bytes);
        var before = await DateCountAsync();

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var error = await Assert.ThrowsAsync<DomainException>(() => Admin().ImportAsync("炸弹.xlsx", bytes.Length, file));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.StartsWith("文件解压后有 57.3 MB，超过导入上限 50 MB，已拒绝读取", error.Message);
        Assert.Contains("压缩炸弹", error.Message);
        // The worksheet alone inflates to 57 MB; refusing it allocates little more than the upload's copy.
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated:N0} bytes");
        Assert.Equal(before, await DateCountAsync());
    }

    [Fact]
    public async Task Import_DeclaredDimensionOverLimit_RefusedBeforeReadingRows()
    {
        Database.User.As(Roles.Admin);
        using var file = XlsxFiles.Bomb(10, 10, dimension: "A1:XFD1048576");

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin().ImportAsync("大范围.xlsx", file.Length, file));

        Assert.Contains("声明的范围为 A1:XFD1048576", error.Message);
        Assert.Contains("已拒绝读取", error.Message);
    }

    [Fact]
    public async Task Import_SheetHidingItsSizeOverCellLimit_StoppedWhileStreaming()
    {
        Database.User.As(Roles.Admin);
        // No dimension and a size under the package limit: only counting cells while streaming can stop it.
        using var file = XlsxFiles.Bomb(2, 150_000, dimension: null);
        var imports = new ExcelImport(new ImportSettings { MaxCells = 100_000 }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin(imports).ImportAsync("无范围.xlsx", file.Length, file));

        Assert.Contains("超过 100,000 个单元格", error.Message);
    }

    [Fact]
    public async Task Import_TimeLimitPassed_EndsWithMessageAndSavesNothing()
    {
        Database.User.As(Roles.Admin);
        using var file = Holidays(100);
        var imports = new ExcelImport(new ImportSettings { TimeLimit = TimeSpan.FromSeconds(60) }, new SteppingClock());
        var before = await DateCountAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin(imports).ImportAsync("2027.xlsx", file.Length, file));

        Assert.Equal("导入超过 60 秒仍未完成，已停止，未写入任何数据。请拆分文件后分批导入。", error.Message);
        Assert.Equal(before, await DateCountAsync());
    }

    [Fact]
    public async Task Import_InvalidLastRowOfMany_SavesNothing()
    {
        Database.User.As(Roles.Admin);
        using var file = Holidays(300, lastKind: "放假");
        var before = await DateCountAsync();

        var result = await Admin().ImportAsync("2027.xlsx", file.Length, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((301, "类型"), (error.Row, error.Column));
        Assert.Equal(before, await DateCountAsync());
    }

    [Fact]
    public async Task Import_FormulaCell_UsesSavedResultNeverEvaluates()
    {
        Database.User.As(Roles.Admin);
        using var plain = Holidays(1);
        // Evaluating 1/0 would give #DIV/0!; the saved result is what the user saw and what is imported.
        using var file = XlsxFiles.WithFormula(plain, "B2", "1/0", type: "str", value: "节假日");

        var result = await Admin().ImportAsync("2027.xlsx", file.Length, file);

        Assert.True(result.Succeeded, string.Join("；", result.Errors));
        Assert.Equal(1, result.Added);
    }

    [Fact]
    public async Task Import_FormulaWithoutSavedResult_RowErrorNamingTheCell()
    {
        Database.User.As(Roles.Admin);
        using var plain = Holidays(2);
        using var file = XlsxFiles.WithFormula(plain, "C3", "\"国\"&\"庆\"", type: null, value: null);

        var result = await Admin().ImportAsync("2027.xlsx", file.Length, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "名称"), (error.Row, error.Column));
        Assert.Contains("单元格 C3", error.Message);
        Assert.Contains("没有保存计算结果", error.Message);
    }

    [Fact]
    public async Task ImportHolidays_FormulaError_RowErrorNamingTheCellAndNothingSaved()
    {
        Database.User.As(Roles.Admin);
        using var plain = Holidays(2);
        using var file = XlsxFiles.WithFormula(plain, "B3", "1/0", type: "e", value: "#DIV/0!");
        var before = await DateCountAsync();

        var result = await Admin().ImportAsync("2027.xlsx", file.Length, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "类型"), (error.Row, error.Column));
        Assert.Equal("类型（单元格 B3）是公式，计算结果为错误值 #DIV/0!，请改正公式或直接填写内容。", error.Message);
        Assert.Equal(before, await DateCountAsync());
    }
}

public sealed class BanImportFormulaTests : MarketEntityTestBase
{
    private static readonly string[] Header = ["统一社会信用代码", "名单名称", "禁入范围", "开始日期", "结束日期", "事由", "文号"];

    /// <summary>The header and <paramref name="count"/> valid bans of one entity.</summary>
    private static List<string[]> BanRows(CreditCode code, int count)
    {
        var rows = new List<string[]> { Header };
        for (var i = 0; i < count; i++)
        {
            rows.Add([code.Value, $"名单{i}", "全部", "2026-01-01", "2027-12-31", "拒不履行生效判决", ""]);
        }
        return rows;
    }

    [Fact]
    public async Task ImportBans_FormulaError_RowErrorNamingTheCellAndNothingSaved()
    {
        var (_, _, code) = await ApprovedEntityAsync();
        ActAs(Roles.Supervisor, "supervisor-1");
        using var plain = XlsxFiles.TextWorkbook("禁入名单", Header,
            [code.Value, "失信被执行人", "全部", "2026-01-01", "2027-12-31", "拒不履行生效判决", ""],
            [code.Value, "失信被执行人", "全部", "2026-01-01", "2027-12-31", "拒不履行生效判决", ""]);
        using var file = XlsxFiles.WithFormula(plain, "D3", "#REF!+1", type: "e", value: "#REF!");

        var result = await Credit.ImportBansAsync("名单.xlsx", file.Length, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "开始日期"), (error.Row, error.Column));
        Assert.Contains("单元格 D3", error.Message);
        Assert.Contains("#REF!", error.Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.MarketBans.CountAsync());
    }

    [Fact]
    public async Task ImportBans_UnregisteredCodeInLastRow_SavesNothing()
    {
        var (_, _, code) = await ApprovedEntityAsync();
        ActAs(Roles.Supervisor, "supervisor-1");
        var rows = BanRows(code, 200);
        var unknown = NewCode("640100");
        rows.Add([unknown.Value, "名单", "全部", "2026-01-01", "2027-12-31", "拒不履行生效判决", ""]);
        using var file = XlsxFiles.TextWorkbook("禁入名单", [.. rows]);

        var result = await Credit.ImportBansAsync("名单.xlsx", file.Length, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal(202, error.Row);
        Assert.Contains("未在市场主体库中登记", error.Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.MarketBans.CountAsync());
    }

    [Fact]
    public async Task ImportBans_TimeLimitPassed_EndsWithMessage()
    {
        var (_, _, code) = await ApprovedEntityAsync();
        ActAs(Roles.Supervisor, "supervisor-1");
        using var file = XlsxFiles.TextWorkbook("禁入名单", [.. BanRows(code, 100)]);
        var credit = new CreditAdministration(Database, Database.User, Database.Time, new MarketEntityDirectory(Database, Database.User),
            new ExcelImport(new ImportSettings { TimeLimit = TimeSpan.FromSeconds(30) }, new SteppingClock()));

        var error = await Assert.ThrowsAsync<DomainException>(() => credit.ImportBansAsync("名单.xlsx", file.Length, file));

        Assert.StartsWith("导入超过 30 秒仍未完成", error.Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.MarketBans.CountAsync());
    }
}

public sealed class ExpertImportFormulaTests : ExpertTestBase
{
    private static string Id(int n) => IdNumber.Generate("640104", new DateOnly(1975, 3, 1), n).Value;

    [Fact]
    public async Task ImportExperts_FormulaError_RowErrorNamingTheCellAndNothingSaved()
    {
        ActAsClerk();
        using var plain = XlsxFiles.TextWorkbook("专家", ExpertPool.ImportHeader,
            ["张三", Id(1), "高级工程师", "宁夏某设计院", "银川市", "A04", "13900000000"],
            ["李四", Id(2), "工程师", "宁夏某咨询公司", "中卫市", "C01", ""]);
        using var file = XlsxFiles.WithFormula(plain, "F3", "VLOOKUP(1,A1:A2,5)", type: "e", value: "#VALUE!");
        await using var before = Database.CreateDbContext();
        var count = await before.Experts.CountAsync();

        var result = await Pool.ImportAsync("专家.xlsx", file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "专业代码"), (error.Row, error.Column));
        Assert.Contains("单元格 F3", error.Message);
        Assert.Contains("#VALUE!", error.Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(count, await db.Experts.CountAsync());
    }
}

public sealed class RuleImportFormulaTests : RuleTestBase
{
    private static readonly string[] Header =
        ["文件名称", "文号", "制定机关", "效力层级", "适用交易类型", "发布日期", "施行日期", "有效期至", "暂行或试行", "清理意见", "存在问题", "清理说明", "全文"];

    private static string[] Row(string title, string number) =>
        [title, number, "宁夏回族自治区住房和城乡建设厅", "规范性文件", "工程建设招标投标", "", "", "", "", "保留", "", "", "第一条 为规范招标投标活动，制定本办法。"];

    [Fact]
    public async Task ImportRules_FormulaError_RowErrorNamingTheCellAndNothingSaved()
    {
        As(Housing);
        using var plain = XlsxFiles.TextWorkbook("规则清理报送", Header, Row("甲办法", "宁建发〔2016〕3号"), Row("乙办法", "宁建发〔2016〕4号"));
        using var file = XlsxFiles.WithFormula(plain, "C3", "VLOOKUP(B3,Sheet2!A:B,2,FALSE)", type: "e", value: "#N/A");

        var result = await Inventory.ImportAsync("清理.xlsx", file.Length, file);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "制定机关"), (error.Row, error.Column));
        Assert.Contains("单元格 C3", error.Message);
        Assert.Contains("#N/A", error.Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.Rules.CountAsync());
    }
}
