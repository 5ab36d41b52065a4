using System.Globalization;
using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Workbench.Features.Calendar.Components;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Calendar;

/// <summary>节假日日历: the holiday schedule the Admin maintains, and working days for everyone.</summary>
public sealed class CalendarModule : IWorkbenchModule
{
    public string Group => "系统管理";
    public int Order => 900;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("节假日日历", "/admin/calendar", Icons.Material.Filled.EventNote, [Roles.Admin], 3),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("节假日日历", typeof(CalendarOverviewPanel), [Roles.Admin], 12, 6),
    ];
}

/// <summary>The module's HTTP endpoints; a refused request answers 400 with the reason in Chinese.</summary>
internal static class CalendarEndpoints
{
    /// <summary>One entry of the public schedule.</summary>
    public sealed record ScheduleEntry(DateOnly Date, string Kind, string Name);

    public static async Task<IResult> ScheduleAsync(int year, WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        await Refusing(async () =>
        {
            var dates = await calendar.ScheduleAsync(year, cancellationToken);
            return Results.Ok(dates.Select(d => new ScheduleEntry(d.Date, d.Kind == HolidayKind.Holiday ? "holiday" : "workday", d.Name)));
        });

    public static async Task<IResult> AddAsync(string? from, string? days, WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        await Refusing(async () =>
        {
            var start = ParseDate(nameof(from), from);
            if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new DomainException($"参数 days 须为 0 至 {WorkingDayCalendar.MaxWorkingDays} 之间的整数。");
            }
            return Results.Ok(await calendar.AddWorkingDaysAsync(start, count, cancellationToken));
        });

    public static async Task<IResult> CountAsync(string? from, string? to, WorkingDayCalendar calendar, CancellationToken cancellationToken) =>
        await Refusing(async () =>
            Results.Ok(await calendar.CountWorkingDaysAsync(ParseDate(nameof(from), from), ParseDate(nameof(to), to), cancellationToken)));

    public static IResult Template(HolidayAdministration holidays) =>
        Results.File(holidays.Template(), HolidayAdministration.XlsxContentType, "节假日导入模板.xlsx");

    public static async Task<IResult> ExportAsync(int year, HolidayAdministration holidays, CancellationToken cancellationToken) =>
        await Refusing(async () =>
            Results.File(await holidays.ExportAsync(year, cancellationToken), HolidayAdministration.XlsxContentType, $"{year}年节假日安排.xlsx"));

    private static DateOnly ParseDate(string name, string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DomainException($"参数 {name} 须为 yyyy-MM-dd 格式的日期，例如 2026-09-30。");

    private static async Task<IResult> Refusing(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (AccessDeniedException)
        {
            return Results.Forbid();
        }
        catch (DomainException e)
        {
            return Results.Problem(title: "请求参数有误", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
