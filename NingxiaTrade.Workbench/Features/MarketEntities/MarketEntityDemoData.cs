using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Workbench.Features.MarketEntities;

/// <summary>
/// Development only: about thirty entities across the five cities with computed credit codes and ID numbers, some
/// qualifications about to expire, two banned entities, pairs sharing a legal representative, a phone or a bank
/// account (for the supervision module's association analysis), and the demo bidder, tenderer and agent linked to
/// their entities (seal PIN <see cref="DemoPin"/>).
/// </summary>
public static class MarketEntityDemoData
{
    /// <summary>The seal PIN of the demo accounts' entities.</summary>
    public const string DemoPin = "802416";

    /// <summary>Seed of the generator of codes and numbers, so the demo data is the same on every machine.</summary>
    private const int Seed = 20160224;

    private sealed record Demo(string Name, string Region, MarketEntityKind Kind, string Legal, string? Account = null,
        MarketEntityStatus Status = MarketEntityStatus.Approved);

    private static readonly Demo[] Entities =
    [
        new("宁夏银川建工集团有限公司", "640100", MarketEntityKind.Enterprise, "赵永刚", "bidder@demo.nxggzy.cn"),
        new("银川市城市建设投资控股有限公司", "640100", MarketEntityKind.Enterprise, "刘志强", "tenderer@demo.nxggzy.cn"),
        new("宁夏中正工程招标代理有限公司", "640100", MarketEntityKind.Enterprise, "杨海燕", "agent@demo.nxggzy.cn"),
        new("宁夏塞上园林绿化工程有限公司", "640100", MarketEntityKind.Enterprise, "马建华"),
        new("银川鑫源市政工程有限公司", "640100", MarketEntityKind.Enterprise, "马建华"),
        new("宁夏贺兰山水利水电工程有限公司", "640100", MarketEntityKind.Enterprise, "李文博", "bidder2@demo.nxggzy.cn"),
        new("宁夏回族自治区人民医院", "640100", MarketEntityKind.PublicInstitution, "王海涛"),
        new("宁夏建设工程造价管理协会", "640100", MarketEntityKind.SocialOrganisation, "张振宇"),
        new("银川市兴庆区宏达建材经营部", "640100", MarketEntityKind.IndividualBusiness, "丁学明"),
        new("宁夏六盘山医药有限公司", "640100", MarketEntityKind.Enterprise, "田静"),
        new("石嘴山市恒通路桥工程有限公司", "640200", MarketEntityKind.Enterprise, "陈国栋", "bidder4@demo.nxggzy.cn"),
        new("宁夏星海钢结构有限公司", "640200", MarketEntityKind.Enterprise, "周立新"),
        new("石嘴山市惠农区城乡建设开发有限公司", "640200", MarketEntityKind.Enterprise, "韩永平"),
        new("宁夏沙湖信息技术有限公司", "640200", MarketEntityKind.Enterprise, "吴雪梅"),
        new("石嘴山市大武口区宏远物业服务有限公司", "640200", MarketEntityKind.Enterprise, "孙建国"),
        new("吴忠市恒达建设工程有限公司", "640300", MarketEntityKind.Enterprise, "马志刚", "bidder3@demo.nxggzy.cn"),
        new("宁夏黄河农牧产业有限公司", "640300", MarketEntityKind.Enterprise, "杨春花"),
        new("吴忠市利通区昌盛装饰工程有限公司", "640300", MarketEntityKind.Enterprise, "马志刚"),
        new("青铜峡市鑫达建筑安装有限公司", "640300", MarketEntityKind.Enterprise, "白玉祥"),
        new("宁夏同心清真食品有限公司", "640300", MarketEntityKind.Enterprise, "海小军", Status: MarketEntityStatus.PendingReview),
        new("固原市六盘山建设集团有限公司", "640400", MarketEntityKind.Enterprise, "虎成林"),
        new("宁夏西吉马铃薯产业有限公司", "640400", MarketEntityKind.Enterprise, "王红英"),
        new("固原市原州区兴业劳务有限公司", "640400", MarketEntityKind.Enterprise, "穆光辉"),
        new("宁夏隆德县福源中药材有限公司", "640400", MarketEntityKind.Enterprise, "冯晓东", Status: MarketEntityStatus.PendingReview),
        new("固原市第一中学", "640400", MarketEntityKind.PublicInstitution, "刘玉成"),
        new("中卫市沙坡头建设工程有限公司", "640500", MarketEntityKind.Enterprise, "雍建军"),
        new("宁夏中宁枸杞产业集团有限公司", "640500", MarketEntityKind.Enterprise, "郭晓燕"),
        new("中卫市云联数据科技有限公司", "640500", MarketEntityKind.Enterprise, "俞明"),
        new("海原县新源电力安装有限公司", "640500", MarketEntityKind.Enterprise, "田忠", Status: MarketEntityStatus.Returned),
        new("中卫市宏图测绘有限公司", "640500", MarketEntityKind.Enterprise, "张丽"),
        // The tenderers (招标人、采购人、转让方、出让人) of the demo projects: public bodies and state companies.
        new("银川市兴庆区教育局", "640100", MarketEntityKind.Other, "高建平"),
        new("银川市西夏区教育局", "640100", MarketEntityKind.Other, "马玉兰"),
        new("银川市金凤区住房和城乡建设局", "640100", MarketEntityKind.Other, "蒋伟"),
        new("银川市第一人民医院", "640100", MarketEntityKind.PublicInstitution, "沈立群"),
        new("银川市政务服务中心", "640100", MarketEntityKind.PublicInstitution, "罗晓红"),
        new("宁夏国有资本运营集团有限责任公司", "640100", MarketEntityKind.Enterprise, "贺东升"),
        new("银川市自然资源局", "640100", MarketEntityKind.Other, "顾长青"),
        new("宁夏回族自治区医疗保障局", "640100", MarketEntityKind.Other, "纳文华"),
        new("石嘴山市水务集团有限公司", "640200", MarketEntityKind.Enterprise, "乔振华"),
        new("石嘴山市自然资源局", "640200", MarketEntityKind.Other, "米晓峰"),
        new("吴忠市利通区水务局", "640300", MarketEntityKind.Other, "金占福"),
        new("固原市人民医院", "640400", MarketEntityKind.PublicInstitution, "禹海波"),
        new("中卫市沙坡头区教育局", "640500", MarketEntityKind.Other, "闫春梅"),
    ];

    private static readonly Dictionary<string, string> PersonRegion = new()
    {
        ["640100"] = "640104", ["640200"] = "640202", ["640300"] = "640302", ["640400"] = "640402", ["640500"] = "640502",
    };

    private static readonly Dictionary<string, string> AreaCode = new()
    {
        ["640100"] = "0951", ["640200"] = "0952", ["640300"] = "0953", ["640400"] = "0954", ["640500"] = "0955",
    };

    private static readonly SealKdf ThrowawayKdf = new(MemoryKib: 64, Iterations: 1, Parallelism: 1);

    public static async Task SeedAsync(TradeDbContext db, TimeProvider time, SealProtection seals, CancellationToken cancellationToken = default)
    {
        if (await db.MarketEntities.AnyAsync(cancellationToken))
        {
            return;
        }
        var random = new Random(Seed);
        var now = time.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        var centres = await db.TradingCentres.ToDictionaryAsync(c => c.RegionCode, c => (c.Id, c.Name), cancellationToken);
        var accounts = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var people = new Dictionary<string, string>();
        var created = new List<MarketEntity>();

        // Reviews name the person, as the live services record them.
        var clerkName = accounts.TryGetValue("clerk@demo.nxggzy.cn", out var clerk) && !string.IsNullOrWhiteSpace(clerk.DisplayName) ? clerk.DisplayName : "交易中心工作人员";
        for (var i = 0; i < Entities.Length; i++)
        {
            var demo = Entities[i];
            var (authority, category) = demo.Kind switch
            {
                MarketEntityKind.PublicInstitution => ('1', '2'),
                MarketEntityKind.SocialOrganisation => ('5', '1'),
                MarketEntityKind.IndividualBusiness => ('9', '2'),
                MarketEntityKind.Other => ('1', '1'), // 机关

                _ => ('9', '1'),
            };
            var code = CreditCode.Generate(authority, category, demo.Region, random);
            // The same person (name and ID number) may lead two companies: 马建华, 马志刚.
            if (!people.TryGetValue(demo.Legal, out var legalId))
            {
                legalId = IdNumber.Generate(PersonRegion[demo.Region], new DateOnly(1960 + random.Next(30), 1 + random.Next(12), 1 + random.Next(28)), random.Next(1000)).Value;
                people[demo.Legal] = legalId;
            }
            var owner = demo.Account is not null && accounts.TryGetValue(demo.Account, out var user) ? user : null;
            var entity = new MarketEntity(code, centres[demo.Region].Id, owner?.Id ?? "", now.AddDays(-200 + i));
            entity.Edit(Details(demo, legalId, i, today, random));
            entity.Submit(now.AddDays(-190 + i));
            db.MarketEntities.Add(entity);
            db.MarketEntityReviews.Add(new MarketEntityReview(entity.Id, ReviewAction.Submitted, string.IsNullOrWhiteSpace(owner?.DisplayName) ? demo.Legal : owner.DisplayName, null, null, now.AddDays(-190 + i)));
            if (demo.Status is MarketEntityStatus.Approved)
            {
                // Approved at another city's centre for some, to show the registry is region-wide.
                var reviewer = i % 3 == 0 ? centres["640000"] : centres[demo.Region];
                entity.Approve(reviewer.Id, now.AddDays(-185 + i));
                db.MarketEntityReviews.Add(new MarketEntityReview(entity.Id, ReviewAction.Approved, clerkName, reviewer.Name, "材料齐全，予以通过", now.AddDays(-185 + i)));
            }
            else if (demo.Status is MarketEntityStatus.Returned)
            {
                entity.Return();
                db.MarketEntityReviews.Add(new MarketEntityReview(entity.Id, ReviewAction.Returned, clerkName, centres[demo.Region].Name,
                    "承装（修、试）电力设施许可证已过期，请上传新证后重新提交", now.AddDays(-3)));
            }
            // The demo accounts' seals open with DemoPin; the others get a throwaway PIN nobody knows, and a cheap
            // Argon2id cost so that start-up stays quick — they exist only to show published public keys.
            owner?.MarketEntityId = entity.Id;
            var seal = owner is not null
                ? ElectronicSeal.Create(entity.Id, DemoPin, seals, now.AddDays(-190 + i))
                : ElectronicSeal.Create(entity.Id, $"{random.Next(100000, 999999)}{random.Next(10, 99)}", seals.WithKdf(ThrowawayKdf), now.AddDays(-190 + i));
            if (entity.Status == MarketEntityStatus.Approved)
            {
                seal.Publish(now.AddDays(-185 + i));
                db.MarketEntityReviews.Add(new MarketEntityReview(entity.Id, ReviewAction.SealIssued, clerkName, null, "公钥标识 " + seal.KeyId, now.AddDays(-185 + i)));
            }
            db.ElectronicSeals.Add(seal);
            created.Add(entity);
        }

        AddCredit(db, created, today, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static MarketEntityDetails Details(Demo demo, string legalId, int i, DateOnly today, Random random)
    {
        var phone = $"{AreaCode[demo.Region]}-{random.Next(2000000, 8999999)}";
        var account = $"6228{random.NextInt64(100000000000000, 999999999999999)}";
        // Pairs sharing a phone (3 and 4) and a bank account (10 and 11): association analysis should find them.
        if (i is 3 or 4)
        {
            phone = "0951-5012345";
        }
        if (i is 10 or 11)
        {
            account = "622848007712345678";
        }
        var qualifications = new List<QualificationForm>();
        if (demo.Kind == MarketEntityKind.Enterprise)
        {
            // Every fifth expires within 60 days, one has expired: the screens warn.
            var expires = i % 5 == 0 ? today.AddDays(15 + i) : i == 28 ? today.AddDays(-10) : today.AddDays(400 + i * 7);
            qualifications.Add(new QualificationForm(
                i % 2 == 0 ? "建筑工程施工总承包" : "市政公用工程施工总承包",
                i % 3 == 0 ? "一级" : "二级",
                $"D{demo.Region[..4]}{10000 + i * 37}",
                "宁夏回族自治区住房和城乡建设厅",
                expires));
            qualifications.Add(new QualificationForm("安全生产许可证", null, $"(宁)JZ安许证字[2024]{100 + i:000}", "宁夏回族自治区住房和城乡建设厅", today.AddDays(300 + i)));
        }
        var staff = demo.Kind == MarketEntityKind.Enterprise
            ? new List<KeyStaffForm>
            {
                new($"项目经理{i + 1:00}", IdNumber.Generate(PersonRegion[demo.Region], new DateOnly(1980 + i % 15, 1 + i % 12, 10), 300 + i).Value,
                    $"一级注册建造师（{(i % 2 == 0 ? "建筑工程" : "市政公用工程")}）宁1{64 + i:000}2018{i:0000}"),
            }
            : [];
        return new MarketEntityDetails
        {
            Name = demo.Name,
            Kind = demo.Kind,
            LegalRepresentativeName = demo.Legal,
            LegalRepresentativeIdNumber = legalId,
            RegisteredAddress = $"{Regions.NameOf(demo.Region)}{(i % 2 == 0 ? "人民路" : "建设街")} {10 + i} 号",
            RegionCode = demo.Region,
            BusinessScope = demo.Kind == MarketEntityKind.Enterprise ? "房屋建筑工程、市政公用工程施工；建筑材料销售。" : null,
            Contacts = [new ContactForm(ContactKind.Phone, demo.Legal, phone), new ContactForm(ContactKind.Email, null, $"contact{i + 1:00}@example.cn")],
            BankAccounts = [new BankAccountForm(i % 2 == 0 ? "宁夏银行" : "中国工商银行宁夏分行", demo.Name, account, IsBasic: true)],
            Qualifications = qualifications,
            KeyStaff = staff,
        };
    }

    private static void AddCredit(TradeDbContext db, List<MarketEntity> entities, DateOnly today, DateTime now)
    {
        MarketEntity Named(string name) => entities.Single(e => e.Name == name);
        db.MarketBans.Add(new MarketBan(Named("石嘴山市恒通路桥工程有限公司").Id, "市场禁入", [TradeType.EngineeringBidding],
            today.AddDays(-120), today.AddDays(610), "在银川市某道路工程招标中串通投标，情节严重", "宁建罚〔2026〕27号", "supervisor@demo.nxggzy.cn", now));
        db.MarketBans.Add(new MarketBan(Named("固原市原州区兴业劳务有限公司").Id, "失信被执行人", [],
            today.AddDays(-60), today.AddDays(305), "有履行能力而拒不履行生效法律文书确定的义务", "（2026）宁04执215号", "supervisor@demo.nxggzy.cn", now));
        db.CreditRecords.Add(new CreditRecord(Named("银川鑫源市政工程有限公司").Id, CreditRecordKind.AdministrativePenalty, false,
            "以他人名义投标", "银建罚〔2026〕8号", "《招标投标法》第五十四条", "银川市住房和城乡建设局",
            today.AddDays(-90), today.AddDays(-90), today.AddDays(275), "supervisor@demo.nxggzy.cn", now));
        db.CreditRecords.Add(new CreditRecord(Named("宁夏星海钢结构有限公司").Id, CreditRecordKind.ComplaintFinding, false,
            "投诉成立：投标文件中项目经理业绩造假", "石公管投〔2026〕3号", "《工程建设项目招标投标活动投诉处理办法》", "石嘴山市公共资源交易管理局",
            today.AddDays(-40), today.AddDays(-40), today.AddDays(325), "supervisor@demo.nxggzy.cn", now));
        db.CreditRecords.Add(new CreditRecord(Named("宁夏银川建工集团有限公司").Id, CreditRecordKind.Commendation, true,
            "自治区建设工程“西夏杯”优质工程奖", "宁建发〔2026〕41号", null, "宁夏回族自治区住房和城乡建设厅",
            today.AddDays(-150), today.AddDays(-150), today.AddDays(580), "supervisor@demo.nxggzy.cn", now));
        db.CreditRecords.Add(new CreditRecord(Named("宁夏银川建工集团有限公司").Id, CreditRecordKind.PerformanceEvaluation, false,
            "银川市某学校项目工期延误 45 天", "银城投履〔2026〕12号", "合同第 7.5 条", "银川市城市建设投资控股有限公司",
            today.AddDays(-30), today.AddDays(-30), today.AddDays(335), "supervisor@demo.nxggzy.cn", now));
    }
}
