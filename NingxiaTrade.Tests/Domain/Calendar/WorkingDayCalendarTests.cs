using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;

namespace NingxiaTrade.Tests.Domain.Calendar;

/// <summary>The working-day rules over the real, seeded 2026 schedule (国务院办公厅 2025-11-04 notice).</summary>
public sealed class WorkingDayCalendarTests : SeededCalendarTests
{
    private WorkingDayCalendar Calendar => new(Database);

    [Fact]
    public async Task AddWorkingDays_BeforeNationalDay_SkipsGoldenWeekAndCountsMakeUpSaturday()
    {
        // 10-01..10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班), 10-12 Mon, 10-13 Tue.
        var result = await Calendar.AddWorkingDaysAsync(D("2026-09-30"), 5);

        Assert.Equal(D("2026-10-13"), result.Date);
        Assert.Empty(result.UncoveredYears);
        Assert.Null(result.Warning);
    }

    [Fact]
    public async Task AddWorkingDays_FridayBeforeSpringFestival_NextDayIsMakeUpSaturday()
    {
        var result = await Calendar.AddWorkingDaysAsync(D("2026-02-13"), 1);

        Assert.Equal(D("2026-02-14"), result.Date);
    }

    [Fact]
    public async Task AddWorkingDays_AcrossSpringFestival_SkipsNineDaysOff()
    {
        // 02-15..02-23 off; 02-24 Tue is the first working day after 02-14.
        var result = await Calendar.AddWorkingDaysAsync(D("2026-02-14"), 1);

        Assert.Equal(D("2026-02-24"), result.Date);
    }

    [Theory]
    [InlineData("2026-11-06", 1, "2026-11-09")] // Friday → Monday
    [InlineData("2026-11-07", 1, "2026-11-09")] // Saturday → Monday
    [InlineData("2026-11-02", 5, "2026-11-09")] // a plain week
    [InlineData("2026-11-02", 0, "2026-11-02")] // zero days: the start itself
    [InlineData("2026-10-03", 0, "2026-10-03")] // zero days even on a holiday
    public async Task AddWorkingDays_OrdinaryWeeks_FollowsWeekendRule(string start, int days, string expected)
    {
        var result = await Calendar.AddWorkingDaysAsync(D(start), days);

        Assert.Equal(D(expected), result.Date);
    }

    [Fact]
    public async Task AddWorkingDays_Negative_Refused()
    {
        await Assert.ThrowsAsync<DomainException>(() => Calendar.AddWorkingDaysAsync(D("2026-05-01"), -1));
    }

    [Fact]
    public async Task AddWorkingDays_Into2027_FlagsUncoveredYear()
    {
        var result = await Calendar.AddWorkingDaysAsync(D("2026-12-30"), 5);

        // 12-31 Thu; 2027 by the weekend rule: 01-01 Fri, 01-04 Mon, 01-05 Tue, 01-06 Wed.
        Assert.Equal(D("2027-01-06"), result.Date);
        Assert.Equal([2027], result.UncoveredYears);
        Assert.False(result.IsFullyCovered);
        Assert.Equal("2027年节假日安排尚未录入，按周末规则计算。", result.Warning);
    }

    [Fact]
    public async Task AddWorkingDays_Within2026_NoUncoveredYears()
    {
        var result = await Calendar.AddWorkingDaysAsync(D("2026-12-24"), 5);

        Assert.Equal(D("2026-12-31"), result.Date);
        Assert.Empty(result.UncoveredYears);
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-13", 5)]
    [InlineData("2026-09-30", "2026-10-09", 2)]
    [InlineData("2026-10-01", "2026-10-07", 0)] // the whole holiday: nothing counted
    [InlineData("2026-02-13", "2026-02-14", 1)]
    [InlineData("2026-01-01", "2026-12-31", 248)] // 260 weekdays after 01-01 − 18 weekday holidays + 6 调休上班 weekend days
    [InlineData("2026-10-13", "2026-09-30", -5)] // reversed: negative
    [InlineData("2026-05-06", "2026-05-06", 0)]
    public async Task CountWorkingDays_RealSchedule_Counts(string from, string to, int expected)
    {
        var result = await Calendar.CountWorkingDaysAsync(D(from), D(to));

        Assert.Equal(expected, result.WorkingDays);
    }

    [Fact]
    public async Task CountWorkingDays_Reversed_IsNegativeOfForward()
    {
        var forward = await Calendar.CountWorkingDaysAsync(D("2026-01-15"), D("2027-03-01"));
        var backward = await Calendar.CountWorkingDaysAsync(D("2027-03-01"), D("2026-01-15"));

        Assert.Equal(-forward.WorkingDays, backward.WorkingDays);
        Assert.Equal([2027], backward.UncoveredYears);
    }

    [Fact]
    public async Task CountWorkingDays_Spanning2027_FlagsOnly2027()
    {
        var result = await Calendar.CountWorkingDaysAsync(D("2026-06-01"), D("2027-06-01"));

        Assert.Equal([2027], result.UncoveredYears);
    }

    [Fact]
    public async Task CountWorkingDays_StartingOnNewYearsEve_DoesNotFlagTheStartYear()
    {
        // The start day is not counted: 2025-12-31 → 2026-01-05 touches only 2026.
        var result = await Calendar.CountWorkingDaysAsync(D("2025-12-31"), D("2026-01-05"));

        Assert.Empty(result.UncoveredYears);
        Assert.Equal(2, result.WorkingDays); // 01-04 Sun (调休上班), 01-05 Mon
    }

    [Fact]
    public async Task CountWorkingDays_Century_MatchesDayByDayRule()
    {
        var from = D("2000-01-01");
        var to = D("2100-12-31");
        var listed = ReferenceData.Holidays2026().ToDictionary(h => h.Date, h => h.Kind);
        var expected = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            expected += IsWorkingDayByRule(d, listed) ? 1 : 0;
        }

        var result = await Calendar.CountWorkingDaysAsync(from, to);

        Assert.Equal(expected, result.WorkingDays);
        Assert.Equal(100, result.UncoveredYears.Count); // every year but 2026
        Assert.DoesNotContain(2026, result.UncoveredYears);
    }

    [Fact]
    public async Task AddAndCount_ManyStartsAndLengths_AgreeWithDayByDayRule()
    {
        var listed = ReferenceData.Holidays2026().ToDictionary(h => h.Date, h => h.Kind);
        for (var start = D("2025-12-20"); start <= D("2027-01-10"); start = start.AddDays(3))
        {
            foreach (var days in new[] { 0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 60 })
            {
                var added = await Calendar.AddWorkingDaysAsync(start, days);
                var counted = await Calendar.CountWorkingDaysAsync(start, added.Date);

                Assert.Equal(days, counted.WorkingDays);
                Assert.Equal(NaiveAdd(start, days, listed), added.Date);
            }
        }
    }

    [Fact]
    public async Task AddWorkingDays_LongSpan_RoundTrips()
    {
        var added = await Calendar.AddWorkingDaysAsync(D("2026-01-01"), WorkingDayCalendar.MaxWorkingDays);
        var counted = await Calendar.CountWorkingDaysAsync(D("2026-01-01"), added.Date);

        Assert.Equal(WorkingDayCalendar.MaxWorkingDays, counted.WorkingDays);
        Assert.Contains(2027, added.UncoveredYears);
    }

    [Theory]
    [InlineData("2026-10-01", false, HolidayKind.Holiday)]
    [InlineData("2026-10-10", true, HolidayKind.Workday)]
    [InlineData("2026-01-03", false, HolidayKind.Holiday)] // a holiday on a Saturday
    [InlineData("2026-10-11", false, null)]
    [InlineData("2026-10-12", true, null)]
    public async Task IsWorkingDay_2026_FollowsScheduleThenWeekendRule(string date, bool working, HolidayKind? listedAs)
    {
        var result = await Calendar.IsWorkingDayAsync(D(date));

        Assert.Equal(working, result.IsWorkingDay);
        Assert.Equal(listedAs, result.ListedAs);
        Assert.Empty(result.UncoveredYears);
    }

    [Fact]
    public async Task IsWorkingDay_2027NewYear_WeekendRuleAndFlagged()
    {
        // 2027-01-01 is a Friday; its holiday is not published yet, and must not be guessed.
        var result = await Calendar.IsWorkingDayAsync(D("2027-01-01"));

        Assert.True(result.IsWorkingDay);
        Assert.Equal([2027], result.UncoveredYears);
    }

    [Fact]
    public async Task Schedule_2026_Has39SeededDates()
    {
        var dates = await Calendar.ScheduleAsync(2026);

        Assert.Equal(39, dates.Count);
        Assert.Equal(D("2026-01-01"), dates[0].Date);
        Assert.Empty(await Calendar.ScheduleAsync(2027));
    }

    [Fact]
    public async Task Dates_OutsideSupportedYears_Refused()
    {
        await Assert.ThrowsAsync<DomainException>(() => Calendar.CountWorkingDaysAsync(D("1999-12-31"), D("2026-01-01")));
        await Assert.ThrowsAsync<DomainException>(() => Calendar.ScheduleAsync(2101));
    }

    private static bool IsWorkingDayByRule(DateOnly date, Dictionary<DateOnly, HolidayKind> listed) =>
        listed.TryGetValue(date, out var kind)
            ? kind == HolidayKind.Workday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateOnly NaiveAdd(DateOnly start, int days, Dictionary<DateOnly, HolidayKind> listed)
    {
        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDayByRule(date, listed))
            {
                days--;
            }
        }
        return date;
    }
}
