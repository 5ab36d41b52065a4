using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Calendar;

/// <summary>What a listed date is: a statutory holiday (法定节假日) or a weekend made a working day (调休上班).</summary>
public enum HolidayKind
{
    Holiday = 1,
    Workday = 2,
}

/// <summary>
/// An exception to the Monday–Friday rule, from the State Council's yearly holiday notice. Dates not listed
/// follow the rule: Saturday and Sunday are rest days, other days are working days.
/// </summary>
public class HolidayDate
{
    private HolidayDate() { }

    public HolidayDate(DateOnly date, HolidayKind kind, string name)
    {
        Date = date;
        Change(kind, name);
    }

    public DateOnly Date { get; private set; }
    public HolidayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    public void Change(HolidayKind kind, string name)
    {
        name = name?.Trim() ?? "";
        if (name.Length is < 1 or > 50)
        {
            throw new DomainException($"{ChinaTime.FormatDate(Date)}：名称不能为空且不超过50个字符。");
        }
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException($"{ChinaTime.FormatDate(Date)}：类型只能是“节假日”或“调休上班”。");
        }
        var weekend = Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == HolidayKind.Workday && !weekend)
        {
            throw new DomainException($"{ChinaTime.FormatDate(Date)} 是工作日，不能登记为调休上班日（调休上班日只能是周六或周日）。");
        }
        Kind = kind;
        Name = name;
    }

    public static string KindChinese(HolidayKind kind) => kind switch
    {
        HolidayKind.Holiday => "节假日",
        HolidayKind.Workday => "调休上班",
    };
}
