using System.Globalization;

namespace NingxiaTrade.Workbench.Components.Shared;

/// <summary>How the workbench writes and reads dates and times on screen (GB/T 7408: 2026-12-20, 17:30).</summary>
public static class ChineseFormats
{
    public const string Date = "yyyy-MM-dd";
    public const string Time = "HH:mm";

    /// <summary>zh-CN: weeks start on Monday, month and day names in Chinese.</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("zh-CN");
}
