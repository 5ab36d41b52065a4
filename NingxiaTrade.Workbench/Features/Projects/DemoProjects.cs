using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>
/// Demo projects (Development with <c>DemoData:Enabled</c>, only while there is no project): a dozen projects of the
/// five types in several cities, registered and moved by the demo accounts through the real services, so each has
/// a real history. The moves are dated over the past six weeks (a clock of their own) so that statutory periods
/// have run; the audit log records them at the time of seeding. Only the demo supervisor (住房城乡建设厅) has an
/// account, so other types stop at their first approval, which waits in their department's inbox.
/// </summary>
public static class DemoProjects
{
    /// <summary>The demo agent's entity (宁夏中正工程招标代理有限公司), named as agent on the projects it handles.</summary>
    private const string AgentName = "宁夏中正工程招标代理有限公司";

    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<TradeDbContext>().TradeProjects.AnyAsync())
            {
                return;
            }
        }
        var accounts = configuration.GetSection("DemoData:Accounts").Get<List<DemoAccountOptions>>() ?? [];
        string EmailOf(string role) => accounts.FirstOrDefault(a => a.Role == role)?.Email
            ?? throw new InvalidOperationException($"演示数据需要 {role} 演示账户。");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Office hours: the seeded days start at 09:00 China time.
        DateTimeOffset Morning(int daysAgo) => ChinaTime.ToUtc(ChinaTime.DateOf(now.UtcDateTime).AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)));
        var clock = new SeedClock(Morning(42));
        await using var clerk = await Actor.CreateAsync(services, EmailOf(Roles.CentreClerk), clock);
        await using var tenderer = await Actor.CreateAsync(services, EmailOf(Roles.Tenderer), clock);
        await using var agent = await Actor.CreateAsync(services, EmailOf(Roles.Agent), clock);
        await using var supervisor = await Actor.CreateAsync(services, EmailOf(Roles.Supervisor), clock);
        var refs = await References.LoadAsync(services);
        var seeding = new Seeding(clock, refs, supervisor);

        // Through approval and the document sale into 投标, bid deadline ahead.
        var school = await seeding.RegisterAsync(clerk, "银川市兴庆区某小学教学楼新建工程", TradeType.EngineeringBidding, TradeMethod.OpenTender,
            "640100", "住房城乡建设厅", "银川市兴庆区教育局", AgentName, 4_860_000m, "财政资金", "银兴发改审发〔2026〕示例1号",
            [("教学楼施工", 4_500_000m, 80_000m, "房屋建筑工程"), ("监理服务", 360_000m, 7_000m, "工程监理")]);
        await seeding.FireAsync(clerk, school, "SubmitPlan", hours: 20);
        await seeding.FireAsync(clerk, school, "PublishNotice", "招标方案已经发展改革部门核准。", hours: 2);
        await seeding.ApproveAsync(school, "招标方案符合规定，同意发布招标公告。", hours: 30);
        await seeding.DeadlineAsync(clerk, school, daysAfterNow: 44);
        await seeding.FireAsync(clerk, school, "CloseDocumentSale", hours: 6 * 24);

        // The rest happened in the past week.
        clock.MoveTo(Morning(7));
        // Terminated with the supervisor's approval.
        var gym = await seeding.RegisterAsync(clerk, "银川市西夏区某中学体育馆建设工程", TradeType.EngineeringBidding, TradeMethod.InvitedTender,
            "640100", "住房城乡建设厅", "银川市西夏区教育局", null, 6_200_000m, "财政资金", null,
            [("体育馆施工", 6_200_000m, 100_000m, "房屋建筑工程")]);
        await seeding.FireAsync(clerk, gym, "SubmitPlan", hours: 3);
        await seeding.FireAsync(clerk, gym, "Terminate", "项目选址调整，资金暂未落实，申请终止。", hours: 20);
        await seeding.ApproveAsync(gym, "情况属实，同意终止。", hours: 6);

        // Waiting in the demo supervisor's inbox.
        var road = await seeding.RegisterAsync(clerk, "银川市金凤区宁安大街道路改造工程", TradeType.EngineeringBidding, TradeMethod.OpenTender,
            "640100", "住房城乡建设厅", "银川市金凤区住房和城乡建设局", null, 12_380_000m, "地方政府专项债券", null,
            [("道路及排水工程", 9_800_000m, 150_000m, "市政公用工程"), ("交通安全设施", 2_580_000m, 50_000m, "市政公用工程")]);
        await seeding.FireAsync(clerk, road, "SubmitPlan", hours: 18);
        await seeding.FireAsync(clerk, road, "PublishNotice", "请审核招标方案及招标公告。", hours: 3);

        // The demo tenderer's own projects (its entity, 银川市城市建设投资控股有限公司, is their tenderer).
        var boulevard = await seeding.RegisterAsync(tenderer, "银川市阅海湾中央商务区市政道路建设工程", TradeType.EngineeringBidding, TradeMethod.OpenTender,
            "640100", "住房城乡建设厅", null, "宁夏中正工程招标代理有限公司", 36_500_000m, "企业自筹及银行贷款", null,
            [("道路及管网工程施工", 36_500_000m, 500_000m, "市政公用工程")]);
        await seeding.FireAsync(tenderer, boulevard, "SubmitPlan", hours: 5);
        await seeding.FireAsync(tenderer, boulevard, "PublishNotice", hours: 1);

        // Approved about three days ago: in 招标公告, the five-day document sale still running.
        var plant = await seeding.RegisterAsync(tenderer, "银川市第四污水处理厂提标改造工程", TradeType.EngineeringBidding, TradeMethod.OpenTender,
            "640100", "住房城乡建设厅", null, null, 8_900_000m, "企业自筹", null,
            [("土建及设备安装", 8_900_000m, 170_000m, "环保工程")]);
        await seeding.FireAsync(tenderer, plant, "SubmitPlan", hours: 4);
        await seeding.FireAsync(tenderer, plant, "PublishNotice", hours: 1);
        await seeding.ApproveAsync(plant, "同意。", hours: 24);

        // Registered by the demo agent for its clients in other cities.
        var hospital = await seeding.RegisterAsync(agent, "固原市人民医院门诊综合楼建设项目", TradeType.EngineeringBidding, TradeMethod.OpenTender,
            "640400", "住房城乡建设厅", "固原市人民医院", AgentName, 36_000_000m, "中央预算内投资及自筹", null,
            [("门诊综合楼施工总承包", 36_000_000m, 500_000m, "房屋建筑工程")]);
        await seeding.FireAsync(agent, hospital, "SubmitPlan", hours: 5);
        await seeding.FireAsync(agent, hospital, "PublishNotice", hours: 1);

        var sewage = await seeding.RegisterAsync(agent, "石嘴山市大武口区污水处理厂提标改造工程", TradeType.EngineeringBidding, TradeMethod.OpenTender,
            "640200", "住房城乡建设厅", "石嘴山市水务集团有限公司", AgentName, 8_900_000m, "企业自筹", null,
            [("土建及设备安装", 8_900_000m, 170_000m, "环保工程")]);
        await seeding.FireAsync(agent, sewage, "SubmitPlan", hours: 4);

        // Just registered.
        await seeding.RegisterAsync(agent, "吴忠市利通区农村供水管网改造工程", TradeType.EngineeringBidding, TradeMethod.OpenTender,
            "640300", "水利厅", "吴忠市利通区水务局", AgentName, 3_150_000m, "中央财政水利发展资金", null,
            [("管网改造施工", 3_150_000m, 60_000m, "水利水电工程")]);

        // The other four types, up to their first approval.
        var equipment = await seeding.RegisterAsync(clerk, "银川市某人民医院医用设备采购项目", TradeType.GovernmentProcurement, TradeMethod.OpenTender,
            "640100", "财政厅", "银川市第一人民医院", AgentName, 5_600_000m, "财政资金", null,
            [("彩色多普勒超声诊断仪", 2_400_000m, 40_000m, "医疗设备"), ("全自动生化分析仪", 3_200_000m, 60_000m, "医疗设备")]);
        await seeding.FireAsync(clerk, equipment, "SubmitPlan", hours: 4);
        await seeding.FireAsync(clerk, equipment, "PublishNotice", hours: 2);

        await seeding.RegisterAsync(agent, "中卫市沙坡头区中小学教室照明改造采购项目", TradeType.GovernmentProcurement, TradeMethod.CompetitiveConsultation,
            "640500", "财政厅", "中卫市沙坡头区教育局", AgentName, 980_000m, "财政资金", null,
            [("教室照明灯具及安装", 980_000m, 0m, "货物")]);

        var cleaning = await seeding.RegisterAsync(agent, "银川市政务服务中心物业管理服务采购项目", TradeType.GovernmentProcurement, TradeMethod.OpenTender,
            "640100", "财政厅", "银川市政务服务中心", AgentName, 1_450_000m, "财政资金", null,
            [("物业管理服务（三年）", 1_450_000m, 20_000m, "服务")]);
        await seeding.FireAsync(agent, cleaning, "SubmitPlan", hours: 6);

        var equity = await seeding.RegisterAsync(clerk, "宁夏国有资本运营集团有限责任公司所持某物流有限公司100%股权转让", TradeType.StateAssetTransfer, TradeMethod.Listing,
            "640100", "国资委", "宁夏国有资本运营集团有限责任公司", null, 10_000_000m, null, null,
            [("某物流有限公司100%股权", 10_000_000m, 850_000m, "股权")], appraised: 10_000_000m);
        await seeding.FireAsync(clerk, equity, "SubmitTransfer", hours: 5);
        await seeding.FireAsync(clerk, equity, "Disclose", "首次信息披露，挂牌价不低于经备案的评估值。", hours: 2);

        var land = await seeding.RegisterAsync(clerk, "银川市金凤区某地块国有建设用地使用权挂牌出让", TradeType.LandAndMiningRights, TradeMethod.Listing,
            "640100", "自然资源厅", "银川市自然资源局", null, 46_800_000m, null, null,
            [("金凤区某地块（住宅用地）", 46_800_000m, 9_360_000m, "住宅用地")]);
        await seeding.FireAsync(clerk, land, "PublishNotice", hours: 3);

        await seeding.RegisterAsync(agent, "石嘴山市惠农区某建筑用砂石矿采矿权出让", TradeType.LandAndMiningRights, TradeMethod.Auction,
            "640200", "自然资源厅", "石嘴山市自然资源局", AgentName, 3_600_000m, null, null,
            [("某建筑用砂石矿采矿权", 3_600_000m, 720_000m, "采矿权")]);

        var drugs = await seeding.RegisterAsync(agent, "宁夏公立医疗机构部分常用药品集中带量采购", TradeType.DrugProcurement, TradeMethod.VolumeBasedProcurement,
            "640000", "卫生健康委", "宁夏回族自治区医疗保障局", AgentName, 21_000_000m, "医保基金", null,
            [("阿莫西林口服常释剂型", 6_000_000m, 0m, "抗感染药"), ("二甲双胍缓释剂型", 8_000_000m, 0m, "糖尿病用药"),
             ("氨氯地平口服常释剂型", 7_000_000m, 0m, "心血管用药")]);
        await seeding.FireAsync(agent, drugs, "PublishDocuments", hours: 4);
    }

    /// <summary>A demo account and the services it acts through (see <see cref="DemoActor"/>).</summary>
    private sealed class Actor(DemoActor actor) : IAsyncDisposable
    {
        public ProjectRegistration Registration { get; } = actor.Create<ProjectRegistration>();
        public ProjectWorkflowService Workflow { get; } = actor.Create<ProjectWorkflowService>();
        public MarketEntityDirectory Entities { get; } = actor.Create<MarketEntityDirectory>();

        public static async Task<Actor> CreateAsync(IServiceProvider services, string email, TimeProvider clock) =>
            new(await DemoActor.CreateAsync(services, email, clock));

        public ValueTask DisposeAsync() => actor.DisposeAsync();
    }

    private sealed record References(IReadOnlyDictionary<string, int> Centres, IReadOnlyDictionary<string, int> Departments)
    {
        public static async Task<References> LoadAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TradeDbContext>();
            return new(await db.TradingCentres.ToDictionaryAsync(c => c.RegionCode, c => c.Id),
                await db.SupervisingDepartments.ToDictionaryAsync(d => d.ShortName, d => d.Id));
        }
    }

    private sealed class Seeding(SeedClock clock, References refs, Actor supervisor)
    {
        /// <summary>
        /// Registers a project whose tenderer is the registry entity named <paramref name="tenderer"/>, picked as a clerk or
        /// an agent would; null for a tenderer account, which registers for its own entity.
        /// </summary>
        public async Task<Guid> RegisterAsync(Actor actor, string name, TradeType type, TradeMethod method, string region, string department,
            string? tenderer, string? agent, decimal estimate, string? fundSource, string? approvalNumber,
            (string Name, decimal Price, decimal Deposit, string Classification)[] lots, decimal? appraised = null)
        {
            clock.Advance(TimeSpan.FromHours(3));
            var tendererId = tenderer is null ? Guid.Empty
                : (await actor.Entities.SearchApprovedAsync(tenderer, 5)).SingleOrDefault(e => e.Name == tenderer)?.Id
                  ?? throw new InvalidOperationException($"演示项目的招标人“{tenderer}”不在市场主体库中。");
            var form = new ProjectForm(name, region, refs.Centres[region], type, method, tendererId, agent, refs.Departments[department],
                Money.FromYuan(estimate), appraised is { } a ? Money.FromYuan(a) : null, fundSource, approvalNumber,
                lots.Select(l => new LotForm(l.Name, Money.FromYuan(l.Price), Money.FromYuan(l.Deposit), l.Classification)).ToList());
            return await actor.Registration.RegisterAsync(form);
        }

        public async Task FireAsync(Actor actor, Guid project, string trigger, string? note = null, int hours = 1)
        {
            clock.Advance(TimeSpan.FromHours(hours));
            var revision = (await actor.Registration.GetAsync(project)).Project.Revision;
            await actor.Workflow.FireAsync(project, trigger, revision, note);
        }

        public async Task ApproveAsync(Guid project, string opinion, int hours)
        {
            clock.Advance(TimeSpan.FromHours(hours));
            var pending = (await supervisor.Registration.GetAsync(project)).Project.PendingApprovalId
                ?? throw new InvalidOperationException("演示项目没有待审批事项。");
            await supervisor.Workflow.DecideAsync(pending, approve: true, opinion);
        }

        /// <summary>Sets the bid deadline at 09:30 China time, <paramref name="daysAfterNow"/> days after the seeding clock.</summary>
        public async Task DeadlineAsync(Actor actor, Guid project, int daysAfterNow)
        {
            clock.Advance(TimeSpan.FromHours(1));
            var day = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).AddDays(daysAfterNow);
            var revision = (await actor.Registration.GetAsync(project)).Project.Revision;
            await actor.Workflow.SetBidDeadlineAsync(project, revision, ChinaTime.ToUtc(day.ToDateTime(new TimeOnly(9, 30))));
        }
    }
}
