using System.Globalization;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>
/// The list's filters, shared by the page and the export endpoint so that 导出 Excel exports exactly what the
/// list shows: the page writes them as a query string, the endpoint reads them back.
/// </summary>
public sealed class ProjectFilter
{
    public string? Text { get; set; }
    public TradeType? TradeType { get; set; }
    public string? RegionCode { get; set; }
    public DateTime? RegisteredFrom { get; set; }
    public DateTime? RegisteredTo { get; set; }

    public ProjectQuery ToQuery(int page = 0, int pageSize = 20) => new(
        string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(), TradeType, string.IsNullOrWhiteSpace(RegionCode) ? null : RegionCode,
        null, AsDate(RegisteredFrom), AsDate(RegisteredTo), page, pageSize);

    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("text", Text?.Trim());
        Add("type", TradeType?.ToString());
        Add("region", RegionCode);
        Add("from", AsDate(RegisteredFrom) is { } from ? ChinaTime.FormatDate(from) : null);
        Add("to", AsDate(RegisteredTo) is { } to ? ChinaTime.FormatDate(to) : null);
        return string.Join("&", parts);
    }

    /// <summary>Reads the filters back; an unreadable value is refused in Chinese rather than ignored.</summary>
    public static ProjectFilter Parse(IQueryCollection query)
    {
        var filter = new ProjectFilter { Text = query["text"], RegionCode = query["region"] };
        if (query["type"] is { Count: > 0 } type && !string.IsNullOrWhiteSpace(type))
        {
            filter.TradeType = Enum.TryParse<TradeType>(type, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new DomainException($"参数 type 不是已知的交易类型：{type}。");
        }
        if (filter.RegionCode is { Length: > 0 } region && !Regions.IsKnown(region))
        {
            throw new DomainException($"参数 region 不是宁夏回族自治区或其地级市的行政区划代码：{region}。");
        }
        filter.RegisteredFrom = ParseDate("from", query["from"]);
        filter.RegisteredTo = ParseDate("to", query["to"]);
        return filter;
    }

    private static DateTime? ParseDate(string name, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new DomainException($"参数 {name} 须为 yyyy-MM-dd 格式的日期，例如 2026-09-30。");

    private static DateOnly? AsDate(DateTime? value) => value is { } v ? DateOnly.FromDateTime(v) : null;
}
