using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Calendar;

/// <summary>
/// What every working-day answer carries besides its value: the years it touched that have no holiday schedule
/// entered. For those years only the weekend rule applied, so a statutory period that ends there may be wrong.
/// </summary>
/// <param name="UncoveredYears">Years, ascending, with no <see cref="HolidayDate"/> rows at all.</param>
public abstract record CalendarCoverage(IReadOnlyList<int> UncoveredYears)
{
    /// <summary>True when every year touched has its schedule entered.</summary>
    public bool IsFullyCovered => UncoveredYears.Count == 0;

    /// <summary>"2027年节假日安排尚未录入，按周末规则计算。", or null when fully covered.</summary>
    public string? Warning => IsFullyCovered ? null : UncoveredWarning(UncoveredYears);

    /// <summary>The warning for callers to show next to a result computed over <paramref name="years"/>.</summary>
    public static string UncoveredWarning(IEnumerable<int> years) =>
        $"{string.Join("、", years.Select(y => $"{y}年"))}节假日安排尚未录入，按周末规则计算。";
}

/// <summary>The date <paramref name="WorkingDays"/> working days after <paramref name="From"/>.</summary>
public sealed record WorkingDayDate(DateOnly From, int WorkingDays, DateOnly Date, IReadOnlyList<int> UncoveredYears)
    : CalendarCoverage(UncoveredYears);

/// <summary>The number of working days d with <paramref name="From"/> &lt; d ≤ <paramref name="To"/> (negative when To is before From).</summary>
public sealed record WorkingDayCount(DateOnly From, DateOnly To, int WorkingDays, IReadOnlyList<int> UncoveredYears)
    : CalendarCoverage(UncoveredYears);

/// <summary>Whether <paramref name="Date"/> is a working day, and the schedule entry that decided it, if any.</summary>
public sealed record WorkingDayStatus(DateOnly Date, bool IsWorkingDay, HolidayKind? ListedAs, string? ListedName, IReadOnlyList<int> UncoveredYears)
    : CalendarCoverage(UncoveredYears);

/// <summary>
/// Working days (工作日) for statutory periods, e.g. 《中华人民共和国政府采购法》第五十二条 (质疑 within 七个工作日).
/// A date is a working day when it is listed as <see cref="HolidayKind.Workday"/> (调休上班), or it is Monday to
/// Friday and not listed as <see cref="HolidayKind.Holiday"/> (《国务院关于职工工作时间的规定》第七条: Saturday and
/// Sunday are the weekly rest days; the exceptions come from the State Council's yearly holiday notice).
/// Periods follow 《中华人民共和国民法典》第二百零一条: the day the period starts is not counted.
/// </summary>
/// <remarks>
/// Reading the schedule is open to everyone (it is public). Each call loads only the schedule rows of the years it
/// spans, and counts with weekday arithmetic and binary search, so a span of decades costs the same few queries as a week.
/// </remarks>
public sealed class WorkingDayCalendar(IDbContextFactory<TradeDbContext> contexts)
{
    /// <summary>The first year a date given to this service may fall in.</summary>
    public const int FirstYear = 2000;

    /// <summary>The last year a date given to this service may fall in.</summary>
    public const int LastYear = 2100;

    /// <summary>The most working days <see cref="AddWorkingDaysAsync"/> accepts (about forty years).</summary>
    public const int MaxWorkingDays = 10_000;

    /// <summary>
    /// The date that is <paramref name="days"/> working days after <paramref name="start"/>; <paramref name="start"/>
    /// itself is not counted (民法典 第二百零一条), and for <paramref name="days"/> = 0 the answer is <paramref name="start"/>.
    /// For days &gt; 0 the answer is always a working day, and
    /// <c>CountWorkingDaysAsync(start, answer) == days</c>.
    /// </summary>
    /// <exception cref="DomainException">days is negative or above <see cref="MaxWorkingDays"/>, or start is outside the supported years.</exception>
    public async Task<WorkingDayDate> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken = default)
    {
        EnsureSupported(start);
        if (days is < 0 or > MaxWorkingDays)
        {
            throw new DomainException($"工作日数须为 0 至 {MaxWorkingDays} 之间的整数。");
        }
        if (days == 0)
        {
            return new WorkingDayDate(start, 0, start, []);
        }
        // Seven calendar days per five working days, plus room for the holidays of each year spanned.
        var end = start.AddDays(days * 7 / 5 + days / 10 + 20);
        var schedule = await LoadAsync(start.Year, end.Year, cancellationToken);
        while (schedule.Count(start, end) < days)
        {
            end = end.AddDays(Math.Max(31, (end.DayNumber - start.DayNumber) / 4));
            schedule = await LoadAsync(start.Year, end.Year, cancellationToken);
        }
        // The count only grows with the end date: the first date where it reaches days is the answer.
        int low = start.DayNumber, high = end.DayNumber;
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (schedule.Count(start, DateOnly.FromDayNumber(middle)) >= days)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        var date = DateOnly.FromDayNumber(high);
        return new WorkingDayDate(start, days, date, schedule.Uncovered(start.AddDays(1).Year, date.Year));
    }

    /// <summary>
    /// The number of working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>: the start day is not
    /// counted and the end day is, so <c>Count(from, Add(from, n)) == n</c>. When <paramref name="to"/> is before
    /// <paramref name="from"/> the answer is negative: <c>Count(from, to) == -Count(to, from)</c> (e.g. how many working
    /// days a deadline has passed).
    /// </summary>
    /// <exception cref="DomainException">A date is outside the supported years.</exception>
    public async Task<WorkingDayCount> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        EnsureSupported(from);
        EnsureSupported(to);
        if (from == to)
        {
            return new WorkingDayCount(from, to, 0, []);
        }
        var (earlier, later, sign) = from < to ? (from, to, 1) : (to, from, -1);
        var firstYear = earlier.AddDays(1).Year;
        var schedule = await LoadAsync(firstYear, later.Year, cancellationToken);
        return new WorkingDayCount(from, to, sign * schedule.Count(earlier, later), schedule.Uncovered(firstYear, later.Year));
    }

    /// <summary>Whether <paramref name="date"/> is a working day, and the listed entry (holiday or 调休上班) that made it so.</summary>
    /// <exception cref="DomainException">The date is outside the supported years.</exception>
    public async Task<WorkingDayStatus> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        EnsureSupported(date);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var listed = await db.HolidayDates.AsNoTracking().FirstOrDefaultAsync(h => h.Date == date, cancellationToken);
        var covered = listed is not null || await db.HolidayDates.InYear(date.Year).AnyAsync(cancellationToken);
        var working = listed?.Kind switch
        {
            HolidayKind.Workday => true,
            HolidayKind.Holiday => false,
            _ => !IsWeekend(date),
        };
        return new WorkingDayStatus(date, working, listed?.Kind, listed?.Name, covered ? [] : [date.Year]);
    }

    /// <summary>The published schedule of one year (holidays and 调休上班 days), by date. Public information: no sign-in needed.</summary>
    /// <exception cref="DomainException">The year is outside the supported years.</exception>
    public async Task<IReadOnlyList<HolidayDate>> ScheduleAsync(int year, CancellationToken cancellationToken = default)
    {
        EnsureSupportedYear(year);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HolidayDates.AsNoTracking().InYear(year).OrderBy(h => h.Date).ToListAsync(cancellationToken);
    }

    /// <summary>Saturday or Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Refuses a year this service does not compute for.</summary>
    public static void EnsureSupportedYear(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new DomainException($"年份须在 {FirstYear} 至 {LastYear} 之间。");
        }
    }

    private static void EnsureSupported(DateOnly date)
    {
        if (date.Year is < FirstYear or > LastYear)
        {
            throw new DomainException($"日期 {ChinaTime.FormatDate(date)} 超出支持范围（{FirstYear} 至 {LastYear} 年）。");
        }
    }

    private async Task<Schedule> LoadAsync(int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var first = new DateOnly(firstYear, 1, 1);
        var last = new DateOnly(lastYear, 12, 31);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.HolidayDates.AsNoTracking()
            .Where(h => h.Date >= first && h.Date <= last)
            .Select(h => new { h.Date, h.Kind })
            .ToListAsync(cancellationToken);
        return new Schedule(rows.Select(r => (r.Date, r.Kind)));
    }

    /// <summary>
    /// The listed exceptions of whole years, as sorted day numbers: only a holiday on a weekday and a 调休上班 day on
    /// a weekend change the weekend rule, so only those are kept.
    /// </summary>
    private sealed class Schedule
    {
        private readonly int[] _weekdayHolidays;
        private readonly int[] _weekendWorkdays;
        private readonly HashSet<int> _coveredYears;

        public Schedule(IEnumerable<(DateOnly Date, HolidayKind Kind)> rows)
        {
            var list = rows.ToList();
            _coveredYears = list.Select(r => r.Date.Year).ToHashSet();
            _weekdayHolidays = DayNumbers(list.Where(r => r.Kind == HolidayKind.Holiday && !IsWeekend(r.Date)));
            _weekendWorkdays = DayNumbers(list.Where(r => r.Kind == HolidayKind.Workday && IsWeekend(r.Date)));
        }

        /// <summary>Working days d with earlier &lt; d ≤ later.</summary>
        public int Count(DateOnly earlier, DateOnly later) =>
            WeekdaysThrough(later) - WeekdaysThrough(earlier)
            - Between(_weekdayHolidays, earlier, later)
            + Between(_weekendWorkdays, earlier, later);

        public IReadOnlyList<int> Uncovered(int firstYear, int lastYear) =>
            Enumerable.Range(firstYear, lastYear - firstYear + 1).Where(y => !_coveredYears.Contains(y)).ToList();

        private static int[] DayNumbers(IEnumerable<(DateOnly Date, HolidayKind Kind)> rows) =>
            rows.Select(r => r.Date.DayNumber).Order().ToArray();

        /// <summary>Monday-to-Friday dates from 0001-01-01 (a Monday, day number 0) through the date.</summary>
        private static int WeekdaysThrough(DateOnly date) =>
            date.DayNumber / 7 * 5 + Math.Min(date.DayNumber % 7 + 1, 5);

        private static int Between(int[] sorted, DateOnly earlier, DateOnly later) =>
            AtOrBefore(sorted, later.DayNumber) - AtOrBefore(sorted, earlier.DayNumber);

        private static int AtOrBefore(int[] sorted, int dayNumber)
        {
            var index = Array.BinarySearch(sorted, dayNumber);
            return index >= 0 ? index + 1 : ~index;
        }
    }
}

internal static class HolidayQueries
{
    public static IQueryable<HolidayDate> InYear(this IQueryable<HolidayDate> dates, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return dates.Where(h => h.Date >= first && h.Date <= last);
    }
}

/// <summary>The calendar as the workflow guards use it.</summary>
public sealed class CalendarWorkingDays(WorkingDayCalendar calendar) : NingxiaTrade.Domain.Workflows.IWorkingDayCalculator
{
    public async Task<NingxiaTrade.Domain.Workflows.WorkingDaySum> AddWorkingDaysAsync(DateOnly start, int days, CancellationToken cancellationToken = default)
    {
        var result = await calendar.AddWorkingDaysAsync(start, days, cancellationToken);
        return new(result.Date, result.Warning);
    }
}
