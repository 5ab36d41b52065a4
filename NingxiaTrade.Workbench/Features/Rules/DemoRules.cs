using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Rules;

/// <summary>
/// Demo rules (Development with <c>DemoData:Enabled</c>, only while there is no rule): about forty rules in every
/// state of the process, two catalogue versions and one open comment period. National laws carry only the numbers
/// and dates known for certain (others are left empty); the seed's plan and the State Council notice it cites are
/// real; the regional documents marked （示例） are demo documents named after the measures 四(一)3 lists, with
/// demo dates relative to today so that the alerts show. The demo supervisor (住房城乡建设厅) and the legal officer
/// act through the real services; other departments' submissions are written as entities.
/// </summary>
public static class DemoRules
{
    private enum Path { Draft, Pending, Returned, Resubmitted, Passed, PassedLater, Amended, Repealed, Void }

    private sealed record Demo(string Title, string? Number, string Issuer, RuleLevel Level, TradeType[] Types, string Department, Path Path,
        DateOnly? Issued = null, DateOnly? Effective = null, int? ExpiresInDays = null, RuleProblem Problems = RuleProblem.None);

    private const string Npc = "全国人民代表大会常务委员会";
    private const string StateCouncil = "国务院";
    private const string Region = "宁夏回族自治区人民政府办公厅";
    private static readonly TradeType[] All = [.. TradeTypeNames.All];
    private static readonly TradeType[] Eb = [TradeType.EngineeringBidding];
    private static readonly TradeType[] Gp = [TradeType.GovernmentProcurement];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static readonly Demo[] Rules =
    [
        new("中华人民共和国招标投标法", null, Npc, RuleLevel.Law, Eb, "发展改革委", Path.Passed, D(1999, 8, 30), D(2000, 1, 1)),
        new("中华人民共和国政府采购法", null, Npc, RuleLevel.Law, Gp, "财政厅", Path.Passed, D(2002, 6, 29), D(2003, 1, 1)),
        new("中华人民共和国招标投标法实施条例", "国务院令第613号", StateCouncil, RuleLevel.AdministrativeRegulation, Eb, "发展改革委", Path.Passed, null, D(2012, 2, 1)),
        new("中华人民共和国政府采购法实施条例", "国务院令第658号", StateCouncil, RuleLevel.AdministrativeRegulation, Gp, "财政厅", Path.Passed, null, D(2015, 3, 1)),
        new("中华人民共和国建筑法", null, Npc, RuleLevel.Law, Eb, "住房城乡建设厅", Path.Passed),
        new("中华人民共和国土地管理法", null, Npc, RuleLevel.Law, [TradeType.LandAndMiningRights], "自然资源厅", Path.Passed),
        new("中华人民共和国矿产资源法", null, Npc, RuleLevel.Law, [TradeType.LandAndMiningRights], "自然资源厅", Path.Passed),
        new("中华人民共和国企业国有资产法", null, Npc, RuleLevel.Law, [TradeType.StateAssetTransfer], "国资委", Path.Passed),
        new("中华人民共和国药品管理法", null, Npc, RuleLevel.Law, [TradeType.DrugProcurement], "卫生健康委", Path.PassedLater),
        new("国务院办公厅关于印发整合建立统一的公共资源交易平台工作方案的通知", "国办发〔2015〕63号", "国务院办公厅", RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Passed),
        new("自治区人民政府办公厅关于印发推进提升全区公共资源交易平台建设实施方案的通知", null, Region, RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Passed, D(2016, 2, 24)),
        new("宁夏回族自治区公共资源交易平台管理办法（示例）", null, Region, RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Passed),
        new("宁夏回族自治区公共资源交易监督管理办法（示例）", null, Region, RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Amended),
        new("宁夏回族自治区公共资源交易服务管理细则（示例）", null, "宁夏回族自治区公共资源交易管理局", RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Passed),
        new("宁夏回族自治区公共资源交易保证金管理暂行办法（示例）", null, "宁夏回族自治区公共资源交易管理局", RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Passed, ExpiresInDays: -45),
        new("宁夏回族自治区公共资源交易投诉处理办法（示例）", null, Region, RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Passed, ExpiresInDays: 60),
        new("宁夏回族自治区公共资源交易信用信息管理办法（示例）", null, "宁夏回族自治区公共资源交易管理局", RuleLevel.NormativeDocument, All, "公共资源交易管理局", Path.Pending),
        new("宁夏回族自治区招标代理机构管理办法（示例）", null, "宁夏回族自治区发展和改革委员会", RuleLevel.NormativeDocument, [TradeType.EngineeringBidding, TradeType.GovernmentProcurement], "发展改革委", Path.Returned, Problems: RuleProblem.IllegalIntermediaryServices),
        new("宁夏回族自治区综合评标专家库管理办法（示例）", null, "宁夏回族自治区发展和改革委员会", RuleLevel.NormativeDocument, All, "发展改革委", Path.Resubmitted),
        new("宁夏回族自治区评标专家考评管理办法（示例）", null, "宁夏回族自治区发展和改革委员会", RuleLevel.NormativeDocument, All, "发展改革委", Path.Draft),
        new("宁夏回族自治区评标专家劳务费用标准指导意见（示例）", null, "宁夏回族自治区发展和改革委员会", RuleLevel.NormativeDocument, All, "发展改革委", Path.Pending, Problems: RuleProblem.SetsFees),
        new("宁夏回族自治区政府投资项目招标方案核准管理办法（示例）", null, "宁夏回族自治区发展和改革委员会", RuleLevel.NormativeDocument, Eb, "发展改革委", Path.PassedLater),
        new("宁夏回族自治区房屋建筑和市政基础设施工程施工招标评标办法（示例）", null, "宁夏回族自治区住房和城乡建设厅", RuleLevel.NormativeDocument, Eb, "住房城乡建设厅", Path.PassedLater),
        new("宁夏回族自治区建设工程招标投标备案管理规定（示例）", null, "宁夏回族自治区住房和城乡建设厅", RuleLevel.NormativeDocument, Eb, "住房城乡建设厅", Path.Repealed, Problems: RuleProblem.DisguisedApprovalByFiling),
        new("宁夏回族自治区建筑工程施工招标资格预审办法（示例）", null, "宁夏回族自治区住房和城乡建设厅", RuleLevel.NormativeDocument, Eb, "住房城乡建设厅", Path.Returned, Problems: RuleProblem.InterferesWithAutonomy),
        new("宁夏回族自治区建设工程造价咨询招标管理试行办法（示例）", null, "宁夏回族自治区住房和城乡建设厅", RuleLevel.NormativeDocument, Eb, "住房城乡建设厅", Path.Void, Problems: RuleProblem.TemporaryOrExpired),
        new("银川市建设工程招标投标管理办法（示例）", null, "银川市人民政府", RuleLevel.GovernmentRule, Eb, "住房城乡建设厅", Path.Pending, Problems: RuleProblem.SetsFees),
        new("宁夏回族自治区建筑市场信用管理暂行办法（示例）", null, "宁夏回族自治区住房和城乡建设厅", RuleLevel.NormativeDocument, Eb, "住房城乡建设厅", Path.Draft),
        new("宁夏回族自治区政府采购评审专家管理办法（示例）", null, "宁夏回族自治区财政厅", RuleLevel.NormativeDocument, Gp, "财政厅", Path.Passed),
        new("宁夏回族自治区政府采购供应商注册登记办法（示例）", null, "宁夏回族自治区财政厅", RuleLevel.NormativeDocument, Gp, "财政厅", Path.Repealed, Problems: RuleProblem.SetsApprovalItems),
        new("宁夏回族自治区政府集中采购目录及限额标准（示例）", null, Region, RuleLevel.NormativeDocument, Gp, "财政厅", Path.Passed, ExpiresInDays: 20),
        new("宁夏回族自治区国有产权交易规则（示例）", null, "宁夏回族自治区人民政府国有资产监督管理委员会", RuleLevel.NormativeDocument, [TradeType.StateAssetTransfer], "国资委", Path.Passed),
        new("宁夏回族自治区企业国有资产交易监督管理实施办法（示例）", null, "宁夏回族自治区人民政府国有资产监督管理委员会", RuleLevel.NormativeDocument, [TradeType.StateAssetTransfer], "国资委", Path.Pending),
        new("宁夏回族自治区国有建设用地使用权出让网上交易规则（示例）", null, "宁夏回族自治区自然资源厅", RuleLevel.NormativeDocument, [TradeType.LandAndMiningRights], "自然资源厅", Path.Passed),
        new("宁夏回族自治区探矿权采矿权招标拍卖挂牌出让办法（示例）", null, "宁夏回族自治区自然资源厅", RuleLevel.NormativeDocument, [TradeType.LandAndMiningRights], "自然资源厅", Path.Returned, Problems: RuleProblem.ConflictsWithSuperiorLaw),
        new("宁夏回族自治区公路工程建设项目招标投标管理办法（示例）", null, "宁夏回族自治区交通运输厅", RuleLevel.NormativeDocument, Eb, "交通运输厅", Path.PassedLater),
        new("宁夏回族自治区水利工程建设项目招标投标管理办法（示例）", null, "宁夏回族自治区水利厅", RuleLevel.NormativeDocument, Eb, "水利厅", Path.Passed),
        new("宁夏回族自治区药品集中带量采购实施办法（示例）", null, "宁夏回族自治区卫生健康委员会", RuleLevel.NormativeDocument, [TradeType.DrugProcurement], "卫生健康委", Path.Pending),
        new("宁夏回族自治区医用耗材集中采购管理暂行办法（示例）", null, "宁夏回族自治区卫生健康委员会", RuleLevel.NormativeDocument, [TradeType.DrugProcurement], "卫生健康委", Path.Passed),
        new("宁夏回族自治区必须招标的工程项目规模标准实施细则（示例）", null, "宁夏回族自治区发展和改革委员会", RuleLevel.NormativeDocument, Eb, "发展改革委", Path.Draft),
    ];

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using var root = services.CreateAsyncScope();
        var db = root.ServiceProvider.GetRequiredService<TradeDbContext>();
        if (await db.Rules.AnyAsync())
        {
            return;
        }
        var accounts = configuration.GetSection("DemoData:Accounts").Get<List<DemoAccountOptions>>() ?? [];
        string EmailOf(string role) => accounts.FirstOrDefault(a => a.Role == role)?.Email
            ?? throw new InvalidOperationException($"演示数据需要 {role} 演示账户。");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = ChinaTime.DateOf(now.UtcDateTime);
        var clock = new SeedClock(now.AddDays(-40));
        var departments = await db.SupervisingDepartments.ToDictionaryAsync(d => d.ShortName, d => d.Id);
        await using var supervisor = await Actor.CreateAsync(services, EmailOf(Roles.Supervisor), clock);
        await using var legal = await Actor.CreateAsync(services, EmailOf(Roles.LegalOfficer), clock);
        var ids = new Dictionary<Demo, Guid>();

        // Round one of the clean-up: every department submits.
        foreach (var demo in Rules)
        {
            var form = new RuleForm(demo.Title, demo.Number, demo.Issuer, demo.Level, demo.Types, demo.Issued, demo.Effective,
                demo.ExpiresInDays is { } days ? today.AddDays(days) : null, false, FullTextOf(demo), null);
            var proposal = demo.Path switch
            {
                Path.Void => RuleProposal.DeclareVoid,
                Path.Returned or Path.Resubmitted or Path.Pending when demo.Problems != RuleProblem.None => RuleProposal.Amend,
                _ => RuleProposal.Keep,
            };
            var submission = demo.Path == Path.Draft ? null
                : new RuleSubmission(proposal, demo.Problems, ExplanationOf(proposal, demo.Problems));
            clock.Advance(TimeSpan.FromMinutes(37));
            if (demo.Department == "住房城乡建设厅")
            {
                ids[demo] = await supervisor.Inventory.CreateAsync(form, submission);
                continue;
            }
            var rule = new Rule(form, departments[demo.Department], clock.GetUtcNow().UtcDateTime);
            submission?.Let(s => rule.Submit(s.Proposal, s.Problems, s.Explanation, null, null, $"{demo.Department}（演示）", clock.GetUtcNow().UtcDateTime));
            db.Rules.Add(rule);
            await db.SaveChangesAsync();
            ids[demo] = rule.Id;
        }

        // The legal office reviews round one, then publishes the first version.
        clock.Advance(TimeSpan.FromDays(3));
        foreach (var demo in Rules.Where(d => d.Path is Path.Passed or Path.Amended or Path.Repealed or Path.Void))
        {
            clock.Advance(TimeSpan.FromMinutes(23));
            await legal.Inventory.DecideAsync(ids[demo], LegalityDecision.Pass, demo.Path == Path.Void ? "同意宣布失效。" : "经审核，符合法律、法规规定，同意保留。", null);
        }
        foreach (var demo in Rules.Where(d => d.Path is Path.Returned or Path.Resubmitted))
        {
            clock.Advance(TimeSpan.FromMinutes(41));
            await legal.Inventory.DecideAsync(ids[demo], LegalityDecision.Return, "报送材料不完整，清理意见与存在问题不一致。",
                "请逐条说明所列问题的具体条款及修改方案后重新报送。");
        }
        clock.Advance(TimeSpan.FromDays(2));
        await legal.Catalogue.PublishAsync($"{today.Year}年第一版", ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime));

        // Round two: amendments, repeals, a resubmission, and rules passed after the first version.
        clock.Advance(TimeSpan.FromDays(10));
        foreach (var demo in Rules.Where(d => d.Path is Path.Repealed))
        {
            await SubmitAgainAsync(db, supervisor, ids[demo], demo, new RuleSubmission(RuleProposal.Repeal, demo.Problems, "经再次清理，该文件设定的事项缺乏上位法依据，建议废止。"), clock);
        }
        var amended = Rules.Single(d => d.Path == Path.Amended);
        await SubmitAgainAsync(db, supervisor, ids[amended], amended, new RuleSubmission(RuleProposal.Amend, RuleProblem.ReducesRightsOrAddsDuties, "删除增加投标人义务的条款。"), clock);
        foreach (var demo in Rules.Where(d => d.Path is Path.Resubmitted))
        {
            await SubmitAgainAsync(db, supervisor, ids[demo], demo, new RuleSubmission(RuleProposal.Amend, RuleProblem.InterferesWithAutonomy, "删除指定专家的条款。", "已按审核意见逐条说明并修改。"), clock);
        }
        clock.Advance(TimeSpan.FromDays(5));
        foreach (var demo in Rules.Where(d => d.Path is Path.Repealed or Path.PassedLater or Path.Amended))
        {
            clock.Advance(TimeSpan.FromMinutes(29));
            var changes = demo.Path == Path.Amended;
            await legal.Inventory.DecideAsync(ids[demo], changes ? LegalityDecision.PassWithChanges : LegalityDecision.Pass,
                demo.Path == Path.Repealed ? "同意废止。" : "经审核，符合法律、法规规定。", changes ? "第十二条一并删除。" : null);
        }
        clock.MoveTo(now.AddHours(-2));
        await legal.Catalogue.PublishAsync($"{today.Year}年第二版", today);

        // One comment period open now, on rules still under review and one that passed.
        var commented = Rules.Where(d => d.Path is Path.Pending or Path.Resubmitted).Take(4).Select(d => ids[d]).ToList();
        await legal.Consultation.OpenAsync($"{today.Year}年公共资源交易规则清理结果征求意见", "请各交易主体对下列规则提出意见建议。",
            now.UtcDateTime.AddDays(-3), ChinaTime.StartOfDayUtc(today.AddDays(20)).AddHours(17.5), commented);

        // One standard template, with a placeholder no project supplies so the clerk sees the warning.
        var notice = NoticeTemplate();
        await legal.Templates.UploadAsync(TradeType.EngineeringBidding, "招标公告（示例）", "招标公告.docx", notice.Length, new MemoryStream(notice));
    }

    /// <summary>
    /// The text the legal office reads: for the real laws and documents, where the authoritative text is published;
    /// for the regional demo documents (示例), a short text of their own naming their subject.
    /// </summary>
    private static string FullTextOf(Demo demo)
    {
        if (!demo.Title.Contains("（示例）", StringComparison.Ordinal))
        {
            return $"{demo.Title}\n\n本文件由{demo.Issuer}公布，正式文本以国家法律法规数据库（flk.npc.gov.cn）及中国政府网公布的文本为准。"
                + "\n本平台演示数据仅收录其目录信息，供清理审核时引用；审核时请对照正式文本。";
        }
        var subject = demo.Title.Replace("宁夏回族自治区", "").Replace("（示例）", "");
        var types = string.Join("、", demo.Types.Select(t => t.Chinese()));
        return $"""
            {demo.Title}

            第一章 总则
            第一条 为规范本自治区{types}活动，维护国家利益、社会公共利益和交易当事人的合法权益，根据有关法律、法规，结合本自治区实际，制定本{subject[^Math.Min(2, subject.Length)..]}。
            第二条 本自治区行政区域内的{types}活动及其监督管理，适用本文件。
            第三条 公共资源交易活动应当遵循公开、公平、公正和诚实信用的原则，全部纳入统一的公共资源交易平台进行。
            第二章 职责分工
            第四条 {demo.Issuer}负责本文件的组织实施和解释；各有关行政监督部门按照职责分工对交易活动实施监督。
            第五条 公共资源交易中心提供交易场所、信息发布和见证服务，不得行使行政监督职能，不得违法收费。
            第三章 附则
            第六条 本文件由{demo.Issuer}负责解释，自发布之日起施行。
            """;
    }

    /// <summary>A small 招标公告 in Word's format, its placeholders in runs of their own.</summary>
    private static byte[] NoticeTemplate()
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            static DocumentFormat.OpenXml.Wordprocessing.Paragraph P(params string[] runs) =>
                new(runs.Select(r => new DocumentFormat.OpenXml.Wordprocessing.Run(
                    new DocumentFormat.OpenXml.Wordprocessing.Text(r) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                P("{{项目名称}}", "招标公告"),
                P("1. 招标条件：本招标项目", "{{项目名称}}", "已由有关部门批准（", "{{项目审批文号}}", "），招标人为", "{{招标人}}", "，招标代理机构为", "{{招标代理机构}}", "。"),
                P("2. 项目编号：", "{{项目编号}}", "；估算价：", "{{估算价}}", "；标段：", "{{标段名称}}", "。"),
                P("3. 投标截止时间：", "{{投标截止时间}}", "（北京时间），开标地点：", "{{开标地点}}", "。")));
        }
        return stream.ToArray();
    }

    private static async Task SubmitAgainAsync(TradeDbContext db, Actor supervisor, Guid id, Demo demo, RuleSubmission submission, SeedClock clock)
    {
        clock.Advance(TimeSpan.FromMinutes(53));
        if (demo.Department == "住房城乡建设厅")
        {
            await supervisor.Inventory.SubmitAsync(id, submission);
            return;
        }
        // The legal office decided through its own context since this one last read the rule.
        db.ChangeTracker.Clear();
        var rule = await db.Rules.Include(r => r.Reviews).ThenInclude(v => v.Legality).SingleAsync(r => r.Id == id);
        var form = rule.ToForm();
        if (submission.Proposal == RuleProposal.Amend && form.ExpiresOn is null)
        {
            // The amendment gives the rule a term of five years: the change report shows it.
            rule.Change(form with { ExpiresOn = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).AddYears(5) });
        }
        rule.Submit(submission.Proposal, submission.Problems, submission.Explanation, submission.AnswerToReturn, null, $"{demo.Department}（演示）", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    private static string? ExplanationOf(RuleProposal proposal, RuleProblem problems) => proposal switch
    {
        RuleProposal.Keep => "经清理，该文件符合上位法规定，建议保留。",
        RuleProposal.DeclareVoid => "该文件为试行文件，已超过有效期，建议宣布失效。",
        _ => $"经清理，该文件存在{problems.Chinese()}问题，建议修改。",
    };

    private static void Let<T>(this T value, Action<T> action) => action(value);

    /// <summary>A demo account and the services it acts through (see <see cref="DemoActor"/>).</summary>
    private sealed class Actor(DemoActor actor) : IAsyncDisposable
    {
        public DocumentTemplates Templates { get; } = actor.Create<DocumentTemplates>();
        public RuleInventory Inventory { get; } = actor.Create<RuleInventory>();
        public RuleCatalogue Catalogue { get; } = actor.Create<RuleCatalogue>();
        public PublicConsultation Consultation { get; } = actor.Create<PublicConsultation>();

        public static async Task<Actor> CreateAsync(IServiceProvider services, string email, TimeProvider clock) =>
            new(await DemoActor.CreateAsync(services, email, clock));

        public ValueTask DisposeAsync() => actor.DisposeAsync();
    }
}
