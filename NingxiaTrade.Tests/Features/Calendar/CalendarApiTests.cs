using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Calendar;

public class CalendarApiTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    private async Task<HttpClient> SignedInAsync(string role)
    {
        var client = factory.CreateCookieClient();
        var account = DemoAccount.ForRole(role);
        await HttpLogin.LoginAsync(client, account.Email, account.Password);
        return client;
    }

    private static async Task<string> ProblemDetailAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task PublicCalendar_2026_Anonymous_Returns39Entries()
    {
        var response = await factory.CreateCookieClient().GetAsync("/api/public/calendar/2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(39, entries.Count);
        Assert.Equal("2026-01-01", entries[0].GetProperty("date").GetString());
        Assert.Equal("holiday", entries[0].GetProperty("kind").GetString());
        Assert.Equal("元旦", entries[0].GetProperty("name").GetString());
        Assert.Equal(6, entries.Count(e => e.GetProperty("kind").GetString() == "workday"));
    }

    [Fact]
    public async Task PublicCalendar_YearOutOfRange_400InChinese()
    {
        var response = await factory.CreateCookieClient().GetAsync("/api/public/calendar/1999");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("年份须在 2000 至 2100 之间", await ProblemDetailAsync(response));
    }

    [Fact]
    public async Task AddWorkingDays_Anonymous_401()
    {
        var response = await factory.CreateCookieClient().GetAsync("/api/working-days/add?from=2026-09-30&days=5");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AddWorkingDays_SignedIn_SkipsNationalDayHoliday()
    {
        var client = await SignedInAsync(Roles.CentreClerk);

        var result = await client.GetFromJsonAsync<JsonElement>("/api/working-days/add?from=2026-09-30&days=5");

        Assert.Equal("2026-10-13", result.GetProperty("date").GetString());
        Assert.Equal(0, result.GetProperty("uncoveredYears").GetArrayLength());
    }

    [Fact]
    public async Task AddWorkingDays_Into2027_ReportsUncoveredYearAndWarning()
    {
        var client = await SignedInAsync(Roles.CentreClerk);

        var result = await client.GetFromJsonAsync<JsonElement>("/api/working-days/add?from=2026-12-30&days=5");

        Assert.Equal(2027, result.GetProperty("uncoveredYears")[0].GetInt32());
        Assert.Equal("2027年节假日安排尚未录入，按周末规则计算。", result.GetProperty("warning").GetString());
    }

    [Fact]
    public async Task CountWorkingDays_SignedIn_Counts()
    {
        var client = await SignedInAsync(Roles.Admin);

        var result = await client.GetFromJsonAsync<JsonElement>("/api/working-days/count?from=2026-09-30&to=2026-10-13");

        Assert.Equal(5, result.GetProperty("workingDays").GetInt32());
    }

    [Theory]
    [InlineData("/api/working-days/add?from=2026-13-01&days=5", "参数 from 须为 yyyy-MM-dd")]
    [InlineData("/api/working-days/add?from=2026-09-30&days=abc", "参数 days 须为")]
    [InlineData("/api/working-days/add?from=2026-09-30&days=-1", "参数 days 须为")]
    [InlineData("/api/working-days/add?from=2026-09-30", "参数 days 须为")]
    [InlineData("/api/working-days/count?from=2026-09-30", "参数 to 须为 yyyy-MM-dd")]
    [InlineData("/api/working-days/count?from=1990-01-01&to=2026-01-01", "超出支持范围")]
    public async Task WorkingDays_BadParameters_400InChinese(string url, string message)
    {
        var client = await SignedInAsync(Roles.CentreClerk);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await ProblemDetailAsync(response));
    }

    [Fact]
    public async Task Template_Admin_IsValidXlsxWithHeader()
    {
        var client = await SignedInAsync(Roles.Admin);

        var response = await client.GetAsync("/admin/calendar/template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.First();
        Assert.Equal(["日期", "类型", "名称"], Enumerable.Range(1, 3).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal(new DateTime(2026, 10, 1), sheet.Cell(2, 1).GetDateTime());
    }

    [Fact]
    public async Task Export2026_Admin_Has39Rows()
    {
        var client = await SignedInAsync(Roles.Admin);

        var bytes = await client.GetByteArrayAsync("/admin/calendar/2026.xlsx");

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(40, workbook.Worksheets.First().LastRowUsed()!.RowNumber());
    }

    [Theory]
    [InlineData("/admin/calendar/template.xlsx")]
    [InlineData("/admin/calendar/2026.xlsx")]
    public async Task ExcelFiles_NonAdmin_Refused(string url)
    {
        var client = await SignedInAsync(Roles.CentreClerk);

        var response = await client.GetAsync(url);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task CalendarPage_NonAdmin_Refused_AdminSeesIt()
    {
        var clerk = await SignedInAsync(Roles.CentreClerk);
        var admin = await SignedInAsync(Roles.Admin);

        var refused = await clerk.GetAsync("/admin/calendar");
        var page = await admin.GetStringAsync("/admin/calendar?year=2026");

        Assert.Contains("AccessDenied", refused.Headers.Location?.ToString());
        Assert.Contains("节假日日历", page);
        Assert.Contains("2026-10-10", page);
    }
}
