using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Domain.Organisations;

/// <summary>
/// The region's institutions and the verified 2026 holiday schedule: real data, seeded in every environment
/// (each only when its table is empty, so an Admin's edits are never overwritten).
/// </summary>
public static class ReferenceData
{
    public static readonly IReadOnlyList<(string Region, string Name)> Centres =
    [
        ("640000", "宁夏回族自治区公共资源交易中心"),
        ("640100", "银川市公共资源交易中心"),
        ("640200", "石嘴山市公共资源交易中心"),
        ("640300", "吴忠市公共资源交易中心"),
        ("640400", "固原市公共资源交易中心"),
        ("640500", "中卫市公共资源交易中心"),
    ];

    public static readonly IReadOnlyList<(string ShortName, string Name, TradeType[] Types)> Departments =
    [
        ("发展改革委", "宁夏回族自治区发展和改革委员会", [TradeType.EngineeringBidding]),
        ("财政厅", "宁夏回族自治区财政厅", [TradeType.GovernmentProcurement]),
        ("自然资源厅", "宁夏回族自治区自然资源厅", [TradeType.LandAndMiningRights]),
        ("住房城乡建设厅", "宁夏回族自治区住房和城乡建设厅", [TradeType.EngineeringBidding]),
        ("交通运输厅", "宁夏回族自治区交通运输厅", [TradeType.EngineeringBidding]),
        ("水利厅", "宁夏回族自治区水利厅", [TradeType.EngineeringBidding]),
        ("卫生健康委", "宁夏回族自治区卫生健康委员会", [TradeType.DrugProcurement]),
        ("国资委", "宁夏回族自治区人民政府国有资产监督管理委员会", [TradeType.StateAssetTransfer]),
        ("公共资源交易管理局", "宁夏回族自治区公共资源交易管理局",
            [TradeType.EngineeringBidding, TradeType.GovernmentProcurement, TradeType.StateAssetTransfer, TradeType.LandAndMiningRights, TradeType.DrugProcurement]),
        // The legal office (政府法制办) became part of the justice department in 2018; it reviews rules, not trades.
        ("司法厅", "宁夏回族自治区司法厅", []),
    ];

    public static async Task SeedAsync(TradeDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.TradingCentres.AnyAsync(cancellationToken))
        {
            db.TradingCentres.AddRange(Centres.Select(c => new TradingCentre(c.Region, c.Name)));
        }
        if (!await db.SupervisingDepartments.AnyAsync(cancellationToken))
        {
            db.SupervisingDepartments.AddRange(Departments.Select(d => new SupervisingDepartment(d.ShortName, d.Name, Regions.Ningxia, d.Types)));
        }
        if (!await db.HolidayDates.AnyAsync(cancellationToken))
        {
            db.HolidayDates.AddRange(Holidays2026());
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as verified in shared/data.</summary>
    public static IEnumerable<HolidayDate> Holidays2026()
    {
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("NingxiaTrade.Domain.Calendar.holidays-cn-2026.csv")
            ?? throw new InvalidOperationException("缺少 2026 年节假日数据。");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var list = new List<HolidayDate>();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var parts = line.Split(',');
            var kind = parts[1] == "workday" ? HolidayKind.Workday : HolidayKind.Holiday;
            list.Add(new HolidayDate(DateOnly.ParseExact(parts[0], "yyyy-MM-dd"), kind, parts[2]));
        }
        return list;
    }
}
