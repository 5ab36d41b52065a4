using System.Globalization;

namespace NingxiaTrade.Domain.Common;

/// <summary>
/// Times are stored as UTC <see cref="DateTime"/> and shown in China Standard Time (UTC+8, no daylight saving).
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime ToChina(DateTime utc) =>
        DateTime.SpecifyKind(EnsureUtc(utc) + Offset, DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime chinaLocal) =>
        DateTime.SpecifyKind(chinaLocal - Offset, DateTimeKind.Utc);

    /// <summary>The calendar date in China of a UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToChina(utc));

    /// <summary>Midnight China time of a date, as UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));

    public static DateTime EnsureUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    /// <summary>"2026-11-27 16:05:00" in China time.</summary>
    public static string Format(DateTime utc) =>
        ToChina(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc) => utc is null ? "" : Format(utc.Value);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
