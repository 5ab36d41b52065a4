using System.Globalization;
using Microsoft.AspNetCore.Components;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Features.Calendar.Components;

/// <summary>Start date + N working days, and working days between two dates, through <see cref="WorkingDayCalendar"/>.</summary>
public partial class WorkingDayCalculator
{
    [Inject] private WorkingDayCalendar Calendar { get; set; } = null!;

    [Parameter] public DateTime? AddStart { get; set; }
    [Parameter] public int AddDays { get; set; } = 5;
    [Parameter] public DateTime? CountFrom { get; set; }
    [Parameter] public DateTime? CountTo { get; set; }

    private WorkingDayDate? _added;
    private WorkingDayCount? _counted;
    private string? _error;

    /// <summary>"星期二".</summary>
    public static string Weekday(DateOnly date) => date.ToString("dddd", CultureInfo.GetCultureInfo("zh-CN"));

    /// <summary>"2026-10-13 星期二".</summary>
    public static string Describe(DateOnly date) => $"{ChinaTime.FormatDate(date)} {Weekday(date)}";

    private Task AddAsync() => RunAsync(async () =>
    {
        _added = null;
        _added = await Calendar.AddWorkingDaysAsync(Required(AddStart, "起始日期"), AddDays);
    });

    private Task CountAsync() => RunAsync(async () =>
    {
        _counted = null;
        _counted = await Calendar.CountWorkingDaysAsync(Required(CountFrom, "开始日期"), Required(CountTo, "结束日期"));
    });

    private async Task RunAsync(Func<Task> calculate)
    {
        _error = null;
        try
        {
            await calculate();
        }
        catch (DomainException e)
        {
            _error = e.Message;
        }
    }

    private static DateOnly Required(DateTime? value, string label) =>
        value is { } date ? DateOnly.FromDateTime(date) : throw new DomainException($"请选择{label}。");
}
