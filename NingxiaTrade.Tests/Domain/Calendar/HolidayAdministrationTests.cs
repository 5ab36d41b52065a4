using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Tests.Domain.Calendar;

public sealed class HolidayAdministrationTests : SeededCalendarTests
{
    private HolidayAdministration Admin => new(Database, Database.User);

    /// <summary>An .xlsx in the template's layout; a string cell stays text, a DateTime cell is a date.</summary>
    private static MemoryStream Workbook(params object[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("节假日");
        object[][] all = [["日期", "类型", "名称"], .. rows];
        for (var r = 0; r < all.Length; r++)
        {
            for (var c = 0; c < all[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                if (all[r][c] is DateTime date)
                {
                    cell.SetValue(date);
                }
                else
                {
                    cell.SetValue(all[r][c]?.ToString() ?? "");
                    cell.DataType = XLDataType.Text;
                }
            }
        }
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private async Task<Dictionary<DateOnly, HolidayDate>> AllDatesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.HolidayDates.AsNoTracking().ToDictionaryAsync(h => h.Date);
    }

    [Fact]
    public async Task Import_GoodFile_AddsNewAndUpdatesExisting()
    {
        using var file = Workbook(
            [new DateTime(2026, 10, 1), "节假日", "国庆节"],              // unchanged
            ["2026-10-08", "节假日", "国庆节（测试）"],                    // new, date as text
            [new DateTime(2026, 10, 10), "调休上班", "国庆节后调休上班"]); // renamed

        var result = await Admin.ImportAsync("2026.xlsx", file.Length, file);

        Assert.True(result.Succeeded);
        Assert.Equal((1, 1, 1), (result.Added, result.Updated, result.Unchanged));
        var dates = await AllDatesAsync();
        Assert.Equal(40, dates.Count);
        Assert.Equal(HolidayKind.Holiday, dates[D("2026-10-08")].Kind);
        Assert.Equal("国庆节后调休上班", dates[D("2026-10-10")].Name);
    }

    [Fact]
    public async Task Import_BadRows_WritesNothingAndReportsEachRow()
    {
        using var file = Workbook(
            ["2027-01-01", "节假日", "元旦"],                       // row 2: valid
            ["2027/01/02", "节假日", "元旦"],                       // row 3: bad date
            ["2027-01-03", "放假", "元旦"],                         // row 4: unknown type
            ["2027-01-05", "调休上班", "调休"],                     // row 5: Tuesday as 调休上班
            ["2027-01-09", "调休上班", ""],                         // row 6: empty name
            ["2027-01-10", "调休上班", new string('长', 51)],       // row 7: name too long
            ["2027-01-01", "节假日", "元旦"]);                      // row 8: same date as row 2

        var result = await Admin.ImportAsync("2027.xlsx", file.Length, file);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6, 7, 8], result.Errors.Select(e => e.Row));
        Assert.Contains("无法识别", result.Errors.Single(e => e.Row == 3).Message);
        Assert.Contains("类型“放假”无效", result.Errors.Single(e => e.Row == 4).Message);
        Assert.Contains("调休上班日只能是周六或周日", result.Errors.Single(e => e.Row == 5).Message);
        Assert.Contains("名称不能为空", result.Errors.Single(e => e.Row == 6).Message);
        Assert.Contains("不超过50个字符", result.Errors.Single(e => e.Row == 7).Message);
        Assert.Contains("与第2行重复", result.Errors.Single(e => e.Row == 8).Message);
        var dates = await AllDatesAsync();
        Assert.Equal(39, dates.Count);
        Assert.DoesNotContain(dates.Keys, d => d.Year == 2027);
    }

    [Fact]
    public async Task Import_WrongExtension_Refused()
    {
        using var file = Workbook(["2026-10-08", "节假日", "国庆节"]);

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin.ImportAsync("holidays.xls", file.Length, file));

        Assert.Contains(".xlsx", error.Message);
    }

    [Fact]
    public async Task Import_DeclaredOversize_Refused()
    {
        using var file = Workbook(["2026-10-08", "节假日", "国庆节"]);

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin.ImportAsync("big.xlsx", HolidayAdministration.MaxImportBytes + 1, file));

        Assert.Contains("超过 2 MB", error.Message);
    }

    [Fact]
    public async Task Import_StreamLongerThanLimit_RefusedWhateverItDeclares()
    {
        using var file = new MemoryStream(new byte[HolidayAdministration.MaxImportBytes + 1]);

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin.ImportAsync("big.xlsx", null, file));

        Assert.Contains("超过 2 MB", error.Message);
    }

    [Fact]
    public async Task Import_CorruptFile_Refused()
    {
        using var file = new MemoryStream("日期,类型,名称\n2026-10-08,节假日,国庆节"u8.ToArray());

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin.ImportAsync("renamed.xlsx", file.Length, file));

        Assert.Contains("文件已损坏", error.Message);
    }

    [Fact]
    public async Task Import_WrongHeader_Refused()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Sheet1").Cell(1, 1).SetValue("date");
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var error = await Assert.ThrowsAsync<DomainException>(() => Admin.ImportAsync("x.xlsx", file.Length, file));

        Assert.Contains("表头", error.Message);
    }

    [Fact]
    public async Task Template_ImportedAsIs_IsValidAndChangesNothing()
    {
        using var template = Admin.Template();
        using (var workbook = new XLWorkbook(template))
        {
            var sheet = workbook.Worksheets.First();
            Assert.Equal(["日期", "类型", "名称"], Enumerable.Range(1, 3).Select(c => sheet.Cell(1, c).GetString()));
            Assert.True(sheet.Column(3).Width > 20);
        }
        template.Position = 0;

        var result = await Admin.ImportAsync("节假日导入模板.xlsx", template.Length, template);

        Assert.True(result.Succeeded);
        Assert.Equal((0, 0, 1), (result.Added, result.Updated, result.Unchanged));
    }

    [Fact]
    public async Task Export_2026_ReimportsUnchanged()
    {
        using var export = await Admin.ExportAsync(2026);

        var result = await Admin.ImportAsync("2026.xlsx", export.Length, export);

        Assert.Equal((0, 0, 39), (result.Added, result.Updated, result.Unchanged));
    }

    [Fact]
    public async Task AddChangeRemove_OneDate_RoundTrips()
    {
        await Admin.AddAsync(new HolidayForm(D("2026-12-31"), HolidayKind.Holiday, "测试"));
        await Admin.ChangeAsync(new HolidayForm(D("2026-12-31"), HolidayKind.Holiday, "测试改名"));
        Assert.Equal("测试改名", (await Admin.ListAsync(2026)).Single(h => h.Date == D("2026-12-31")).Name);

        await Admin.RemoveAsync(D("2026-12-31"));

        Assert.Equal(39, (await Admin.ListAsync(2026)).Count);
    }

    [Fact]
    public async Task Add_AlreadyListed_Refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Admin.AddAsync(new HolidayForm(D("2026-10-01"), HolidayKind.Holiday, "国庆节")));

        Assert.Contains("已登记", error.Message);
    }

    [Fact]
    public async Task YearsCovered_Seeded_Only2026WithCounts()
    {
        var years = await Admin.YearsCoveredAsync();

        Assert.Equal([new YearCoverage(2026, 33, 6)], years);
    }

    [Theory]
    [InlineData(Roles.CentreClerk)]
    [InlineData(Roles.Supervisor)]
    public async Task EveryOperation_NonAdmin_AccessDenied(string role)
    {
        Database.User.As(role);
        using var file = Workbook(["2026-10-08", "节假日", "国庆节"]);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.ListAsync(2026));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.YearsCoveredAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.AddAsync(new HolidayForm(D("2026-12-31"), HolidayKind.Holiday, "x")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.ChangeAsync(new HolidayForm(D("2026-10-01"), HolidayKind.Holiday, "x")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.RemoveAsync(D("2026-10-01")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.ImportAsync("a.xlsx", file.Length, file));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.ExportAsync(2026));
        Assert.Throws<AccessDeniedException>(() => Admin.Template());
        Assert.Equal(39, (await AllDatesAsync()).Count);
    }

    [Theory]
    [InlineData("2026-10-31", new int[0])]
    [InlineData("2026-11-01", new[] { 2027 })]
    [InlineData("2026-12-31", new[] { 2027 })]
    public void CoverageWarnings_NextYearMissing_WarnsFromNovember(string today, int[] warnedYears)
    {
        var warnings = HolidayAdministration.CoverageWarnings(D(today), [2026]);

        Assert.Equal(warnedYears.Select(y => $"{y}年"), warnings.Select(w => w[..5]));
    }

    [Fact]
    public void CoverageWarnings_CurrentYearMissing_Warns()
    {
        var warnings = HolidayAdministration.CoverageWarnings(D("2027-03-01"), [2026]);

        Assert.Single(warnings);
        Assert.StartsWith("2027年节假日安排尚未录入", warnings[0]);
    }
}
