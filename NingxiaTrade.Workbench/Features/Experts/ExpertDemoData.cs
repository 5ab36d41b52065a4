using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Experts;

namespace NingxiaTrade.Workbench.Features.Experts;

/// <summary>
/// Development only: 360 experts across the specialties and the five cities, about one in twenty suspended and a few on
/// leave over the coming fortnight, some employed by the demo entities (so the recusal rules have something to
/// remove), a few declared conflicts, and the demo expert account (expert@demo.nxggzy.cn, 周明远) linked to its expert.
/// </summary>
public static class ExpertDemoData
{
    public const string DemoExpertEmail = "expert@demo.nxggzy.cn";
    private const int Seed = 20180316;
    private const int Count = 360;

    private static readonly string[] Surnames = ["马", "王", "李", "张", "刘", "杨", "丁", "田", "周", "吴", "赵", "陈", "海", "虎", "白", "穆", "郭", "黄", "孙", "何"];
    private static readonly string[] Given = ["建国", "志强", "文博", "海燕", "晓东", "玉成", "红英", "振宇", "立新", "雪梅", "明", "静", "丽", "永平", "学军", "国栋", "春花", "光辉", "慧", "宁"];
    private static readonly string[] Titles = ["高级工程师", "正高级工程师", "高级经济师", "高级会计师", "教授", "副教授", "主任医师", "高级工程师"];
    private static readonly string[] Employers = ["宁夏建筑设计研究院有限公司", "宁夏大学", "北方民族大学", "宁夏水利水电勘测设计研究院", "宁夏交通建设股份有限公司",
        "宁夏工程造价咨询有限公司", "宁夏医科大学总医院", "宁夏回族自治区地质调查院", "宁夏公路勘察设计院", "宁夏信息化研究院"];
    private static readonly string[] Weighted = ["A08", "A08", "A0801", "A06", "A06", "A04", "A0401", "A05", "A03", "A0301", "B01", "B02", "B07", "C01", "C02"];

    public static async Task SeedAsync(TradeDbContext db, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (await db.Experts.AnyAsync(cancellationToken))
        {
            return;
        }
        var random = new Random(Seed);
        var now = time.GetUtcNow().UtcDateTime;
        var codes = await db.Specialties.Where(s => s.ParentCode != null).Select(s => s.Code).ToListAsync(cancellationToken);
        var entities = await db.MarketEntities.OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        var cities = Regions.Names.Keys.Where(r => r != Regions.Ningxia).ToArray();
        var experts = new List<Expert>();
        for (var i = 0; i < Count; i++)
        {
            var city = cities[i % cities.Length];
            var employer = entities.Count > 0 && i % 12 == 5 ? entities[random.Next(entities.Count)] : null;
            var specialties = new[] { Weighted[random.Next(Weighted.Length)], codes[random.Next(codes.Count)] }.Distinct().ToList();
            var name = i == 0 ? "周明远" : Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            var status = i > 0 && i % 20 == 7 ? ExpertStatus.Suspended : i > 0 && i % 97 == 13 ? ExpertStatus.Removed : ExpertStatus.Active;
            var expert = new Expert(new ExpertProfile(name,
                IdNumber.Generate(city[..4] + "02", new DateOnly(1962, 1, 1).AddDays(random.Next(9000)), i).Value,
                Titles[random.Next(Titles.Length)], employer?.Name ?? Employers[random.Next(Employers.Length)], employer?.Id, city,
                i == 0 ? ["A08", "A06"] : specialties, "139" + random.Next(10_000_000, 99_999_999)), status, now);
            if (i > 0 && i % 25 == 3)
            {
                expert.AddLeave(now.AddDays(-1), now.AddDays(14), "外出学习");
            }
            if (i % 4 == 0)
            {
                expert.AddTraining(ChinaTime.DateOf(now).AddMonths(-random.Next(1, 12)), "评标专家继续教育培训", 16);
            }
            if (entities.Count > 0 && i % 30 == 11)
            {
                expert.DeclareConflict(entities[random.Next(entities.Count)].Id, "近亲属在该单位任职");
            }
            if (i % 40 == 17)
            {
                expert.AdjustCredit(-45);
            }
            experts.Add(expert);
        }
        db.Experts.AddRange(experts);
        var account = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoExpertEmail, cancellationToken);
        if (account is not null)
        {
            account.ExpertId = experts[0].Id;
            experts[0].LinkAccount(account.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
