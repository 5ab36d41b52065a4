using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Calendar.Components;
using NingxiaTrade.Workbench.Features.Calendar.Pages;

namespace NingxiaTrade.Tests.Features.Calendar;

/// <summary>The calculator card and the Admin's home panel, rendered with bUnit over a seeded SQLite database.</summary>
public sealed class CalendarComponentTests : BunitContext, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    // FakeTimeProvider only moves forward: start in October, advance where a test needs November.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 10, 15, 2, 0, 0, TimeSpan.Zero));

    public CalendarComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton<ICurrentUser>(_database.User);
        Services.AddSingleton(new WorkingDayCalendar(_database));
        Services.AddSingleton(new HolidayAdministration(_database, _database.User));
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = _database.CreateDbContext();
        await ReferenceData.SeedAsync(db);
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Calculator_AddFiveAfterSeptember30_ShowsOctober13()
    {
        var card = Render<WorkingDayCalculator>(p => p
            .Add(c => c.AddStart, new DateTime(2026, 9, 30))
            .Add(c => c.AddDays, 5));

        card.Find(".calc-add-run").Click();

        card.WaitForAssertion(() => Assert.Contains("2026-10-13 星期二", card.Find(".calc-add-result").TextContent));
        Assert.Empty(card.FindAll(".coverage-warning"));
    }

    [Fact]
    public void Calculator_CountInto2027_ShowsCountAndWarning()
    {
        var card = Render<WorkingDayCalculator>(p => p
            .Add(c => c.CountFrom, new DateTime(2026, 12, 30))
            .Add(c => c.CountTo, new DateTime(2027, 1, 6)));

        card.Find(".calc-count-run").Click();

        card.WaitForAssertion(() => Assert.Contains("共 5 个工作日", card.Find(".calc-count-result").TextContent));
        Assert.Contains("2027年节假日安排尚未录入，按周末规则计算", card.Find(".coverage-warning").TextContent);
    }

    [Fact]
    public void Calculator_NoStartDate_AsksForIt()
    {
        var card = Render<WorkingDayCalculator>();

        card.Find(".calc-add-run").Click();

        card.WaitForAssertion(() => Assert.Contains("请选择起始日期", card.Markup));
    }

    [Fact]
    public void OverviewPanel_AfterNovemberFirstWithout2027_WarnsAbout2027()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero)); // 2026-11-01 00:00 in China

        var panel = Render<CalendarOverviewPanel>();

        panel.WaitForAssertion(() => Assert.Contains("2026年（节假日 33 天，调休上班 6 天）", panel.Find(".calendar-years").TextContent));
        Assert.StartsWith("2027年节假日安排尚未录入", panel.Find(".calendar-warning").TextContent.Trim());
    }

    [Fact]
    public void OverviewPanel_InOctober_NoWarning()
    {
        var panel = Render<CalendarOverviewPanel>();

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find(".calendar-years")));
        Assert.Empty(panel.FindAll(".calendar-warning"));
    }

    [Fact]
    public void CalendarPage_Year2026_ListsDatesWithoutImportReport()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/calendar?year=2026");
        var page = Render<CalendarPage>();

        page.WaitForAssertion(() => Assert.Equal(39, page.FindAll(".calendar-dates tbody tr").Count));
        Assert.Contains("星期六", page.FindAll(".calendar-dates tbody tr")[2].TextContent); // 2026-01-03
        Assert.Empty(page.FindAll(".import-report"));
        Assert.Empty(page.FindAll(".calendar-empty"));
    }

    [Fact]
    public void CalendarPage_Year2027_WarnsNotEntered()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/calendar?year=2027");
        var page = Render<CalendarPage>();

        page.WaitForAssertion(() => Assert.Contains("2027年节假日安排尚未录入", page.Find(".calendar-empty").TextContent));
    }
}
