using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;

namespace NingxiaTrade.Tests.Support;

/// <summary>Facts a later module would know (bids received, qualified bidders …), set by the test.</summary>
public sealed class FakeFacts : IWorkflowFactSource
{
    private readonly Dictionary<(Guid, int?, string), long> _values = [];

    /// <summary>Awaited on every read: lets a test hold two commands at the same point.</summary>
    public Func<Task>? OnRead { get; set; }

    /// <summary>The fact of the whole project (a project of one lot), and of every lot that has no value of its own.</summary>
    public void Set(Guid projectId, string fact, long value) => _values[(projectId, null, fact)] = value;

    /// <summary>The fact of one lot, once the lots move separately.</summary>
    public void Set(Guid projectId, int lotNumber, string fact, long value) => _values[(projectId, lotNumber, fact)] = value;

    public async Task<long?> GetAsync(Guid projectId, int? lotNumber, string fact, CancellationToken cancellationToken = default)
    {
        if (OnRead is { } onRead)
        {
            await onRead();
        }
        return _values.TryGetValue((projectId, lotNumber, fact), out var value) || _values.TryGetValue((projectId, null, fact), out value)
            ? value : null;
    }
}

/// <summary>Records the step events a later module would receive.</summary>
public sealed class RecordingHandler : IWorkflowEventHandler
{
    public List<WorkflowStepChanged> Changes { get; } = [];

    public Task HandleAsync(WorkflowStepChanged change, CancellationToken cancellationToken)
    {
        Changes.Add(change);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A seeded database (centres, departments, 2026 holidays, the five default flows) with accounts for each
/// role the workflows need, and the real project services over it.
/// </summary>
public sealed class ProjectHarness : IAsyncDisposable
{
    public const string RegionalClerk = "clerk-regional";
    public const string YinchuanClerk = "clerk-yinchuan";
    public const string WuzhongClerk = "clerk-wuzhong";
    public const string TendererId = "tenderer-1";
    public const string BidderId = "bidder-1";
    public const string AgentId = "agent-1";
    /// <summary>The entity of the <see cref="TendererId"/> account.</summary>
    public const string TendererEntityName = "银川市城市建设投资控股有限公司";
    /// <summary>An entity that registered but is still 待审核: not offered as a tenderer.</summary>
    public const string UnapprovedEntityName = "宁夏某待审核单位";

    private readonly Dictionary<string, string[]> _roles = [];

    private ProjectHarness(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public FakeFacts Facts { get; } = new();
    /// <summary>Further fact sources the engine asks after <see cref="Facts"/> (e.g. the real <c>bids.count</c>).</summary>
    public List<IWorkflowFactSource> FactSources { get; } = [];
    public List<IWorkflowEventHandler> Handlers { get; } = [];
    public TestUser User => Database.User;
    public TradingRules Rules { get; } = new();
    public Dictionary<string, int> Centres { get; } = [];
    public Dictionary<string, int> Departments { get; } = [];
    /// <summary>The market entities of the tenderers of <see cref="Form"/> (and the tenderer account's own), by name.</summary>
    public Dictionary<string, Guid> Entities { get; } = [];

    public static async Task<ProjectHarness> CreateAsync(bool onDisk = false, DateTimeOffset? start = null)
    {
        var harness = new ProjectHarness(new TestDatabase(onDisk, start));
        await harness.SeedAsync();
        return harness;
    }

    private async Task SeedAsync()
    {
        await using var db = Database.CreateDbContext();
        await ReferenceData.SeedAsync(db);
        await WorkflowDefinitionService.SeedDefaultsAsync(db, Database.Time.GetUtcNow().UtcDateTime);
        foreach (var c in await db.TradingCentres.ToListAsync())
        {
            Centres[c.RegionCode] = c.Id;
        }
        foreach (var d in await db.SupervisingDepartments.ToListAsync())
        {
            Departments[d.ShortName] = d.Id;
        }
        AddUser(db, RegionalClerk, Roles.CentreClerk, centre: Centres["640000"]);
        AddUser(db, YinchuanClerk, Roles.CentreClerk, centre: Centres["640100"]);
        AddUser(db, WuzhongClerk, Roles.CentreClerk, centre: Centres["640300"]);
        AddUser(db, TendererId, Roles.Tenderer);
        AddUser(db, BidderId, Roles.Bidder);
        AddUser(db, AgentId, Roles.Agent);
        var random = new Random(7);
        var now = Database.Time.GetUtcNow().UtcDateTime;
        foreach (var name in (string[])["银川市市政管理局", "银川市第一中学", "宁夏某国有投资公司", "银川市自然资源局", "宁夏医疗保障局", TendererEntityName, UnapprovedEntityName])
        {
            var entity = TestEntities.Create(name, Centres["640100"], random, now, approved: name != UnapprovedEntityName);
            db.MarketEntities.Add(entity);
            Entities[name] = entity.Id;
        }
        db.Users.Local.Single(u => u.Id == TendererId).MarketEntityId = Entities[TendererEntityName];
        foreach (var (shortName, id) in Departments)
        {
            AddUser(db, SupervisorOf(shortName), Roles.Supervisor, department: id);
        }
        await db.SaveChangesAsync();
    }

    private void AddUser(NingxiaTrade.Domain.Data.TradeDbContext db, string id, string role, int? centre = null, int? department = null)
    {
        db.Users.Add(new ApplicationUser
        {
            Id = id, UserName = id + "@test.cn", NormalizedUserName = (id + "@test.cn").ToUpperInvariant(), Email = id + "@test.cn",
            DisplayName = id, TradingCentreId = centre, SupervisingDepartmentId = department, CreatedUtc = Database.Time.GetUtcNow().UtcDateTime,
        });
        _roles[id] = [role];
    }

    public static string SupervisorOf(string departmentShortName) => "supervisor-" + departmentShortName;

    /// <summary>Makes the database's current user the account <paramref name="userId"/> with its role.</summary>
    public TestUser Act(string userId, params string[] permissions)
    {
        User.UserId = userId;
        User.UserName = userId + "@test.cn";
        User.RoleList = [.. _roles[userId]];
        User.Permissions = [.. permissions];
        User.IsAuthenticated = true;
        return User;
    }

    public void Advance(TimeSpan by) => Database.Time.Advance(by);

    /// <summary>Sets the clock to <paramref name="chinaLocal"/> (China time); never backwards.</summary>
    public void SetChinaTime(DateTime chinaLocal) => Database.Time.SetUtcNow(new DateTimeOffset(ChinaTime.ToUtc(chinaLocal)));

    public WorkflowEngine Engine() => new(new CalendarWorkingDays(new WorkingDayCalendar(Database)), [Facts, .. FactSources]);

    /// <summary>Adds an account with a role, tied to a market entity when given.</summary>
    public async Task AddUserAsync(string id, string role, Guid? entityId = null)
    {
        await using var db = Database.CreateDbContext();
        AddUser(db, id, role);
        db.Users.Local.Single(u => u.Id == id).MarketEntityId = entityId;
        await db.SaveChangesAsync();
    }

    public ProjectWorkflowService Workflow(ICurrentUser? user = null) =>
        new(Database, user ?? User, Database.Time, Engine(), Handlers, NullLogger<ProjectWorkflowService>.Instance,
            new NingxiaTrade.Domain.Notifications.Notifier(new ProjectParticipants(), new NingxiaTrade.Domain.Notifications.NotificationSignal(),
                new NingxiaTrade.Domain.Notifications.NotificationSettings(), user ?? User, Database.Time));

    /// <summary>The duties with a deadline over the same database, clock, calendar and notifier as <see cref="Workflow"/>.</summary>
    public ProjectDutyService Duties(ICurrentUser? user = null) =>
        new(Database, user ?? User, Database.Time, new CalendarWorkingDays(new WorkingDayCalendar(Database)),
            new NingxiaTrade.Domain.Notifications.Notifier(new ProjectParticipants(), new NingxiaTrade.Domain.Notifications.NotificationSignal(),
                new NingxiaTrade.Domain.Notifications.NotificationSettings(), user ?? User, Database.Time));

    public ProjectRegistration Registration(ICurrentUser? user = null) => new(Database, user ?? User, Database.Time, Rules, new MarketEntityDirectory(Database, user ?? User));

    public WorkflowDefinitionService Definitions(ICurrentUser? user = null) => new(Database, user ?? User, Database.Time);

    /// <summary>The supervising department and registration data of a typical project of each type.</summary>
    public ProjectForm Form(TradeType type, string region = "640100")
    {
        var centre = Centres[region];
        return type switch
        {
            TradeType.EngineeringBidding => new ProjectForm("银川市某道路改造工程施工", region, centre, type, TradeMethod.OpenTender, Entities["银川市市政管理局"], null,
                Departments["发展改革委"], Yuan(10_000_000), null, "财政资金", "银发改审发〔2026〕1号",
                [new LotForm("第一标段", Yuan(10_000_000), Yuan(200_000), "市政")]),
            TradeType.GovernmentProcurement => new ProjectForm("银川市某中学教学设备采购", region, centre, type, TradeMethod.OpenTender, Entities["银川市第一中学"], null,
                Departments["财政厅"], Yuan(2_000_000), null, "财政资金", null,
                [new LotForm("第一包", Yuan(2_000_000), Yuan(40_000), "货物")]),
            TradeType.StateAssetTransfer => new ProjectForm("某国有企业持有股权转让", region, centre, type, TradeMethod.Listing, Entities["宁夏某国有投资公司"], null,
                Departments["国资委"], Yuan(5_000_000), Yuan(5_000_000), null, null,
                [new LotForm("30%股权", Yuan(5_000_000), Yuan(500_000), "股权")]),
            TradeType.LandAndMiningRights => new ProjectForm("银川市某地块国有建设用地使用权出让", region, centre, type, TradeMethod.Listing, Entities["银川市自然资源局"], null,
                Departments["自然资源厅"], Yuan(30_000_000), null, null, null,
                [new LotForm("YC2026-01号地块", Yuan(30_000_000), Yuan(6_000_000), "住宅用地")]),
            TradeType.DrugProcurement => new ProjectForm("宁夏某批次药品集中带量采购", region, centre, type, TradeMethod.VolumeBasedProcurement, Entities["宁夏医疗保障局"], null,
                Departments["卫生健康委"], Yuan(8_000_000), null, "医保基金", null,
                [new LotForm("阿莫西林胶囊品种组", Yuan(8_000_000), Money.Zero, "抗感染")]),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    public static Money Yuan(decimal yuan) => Money.FromYuan(yuan);

    /// <summary>The tenderer the registration service would resolve for <paramref name="form"/>.</summary>
    public ProjectTenderer TendererOf(ProjectForm form) => new(form.TendererEntityId, Entities.Single(e => e.Value == form.TendererEntityId).Key);

    /// <summary>The supervising department's short name for the projects of <see cref="Form"/>.</summary>
    public static string DepartmentOf(TradeType type) => type switch
    {
        TradeType.EngineeringBidding => "发展改革委",
        TradeType.GovernmentProcurement => "财政厅",
        TradeType.StateAssetTransfer => "国资委",
        TradeType.LandAndMiningRights => "自然资源厅",
        TradeType.DrugProcurement => "卫生健康委",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Registers a project of <paramref name="type"/> as the Yinchuan clerk (or as <paramref name="asUser"/>); the
    /// tenderer account registers it for its own entity.
    /// </summary>
    public async Task<Guid> RegisterAsync(TradeType type, string asUser = YinchuanClerk, ProjectForm? form = null)
    {
        Act(asUser);
        form ??= asUser == TendererId ? Form(type) with { TendererEntityId = Entities[TendererEntityName] } : Form(type);
        return await Registration().RegisterAsync(form);
    }

    public async Task<TradeProject> ProjectAsync(Guid id)
    {
        await using var db = Database.CreateDbContext();
        return await db.TradeProjects.AsNoTracking().Include(p => p.Lots).SingleAsync(p => p.Id == id);
    }

    public async Task<List<ProjectStepRecord>> HistoryAsync(Guid id)
    {
        await using var db = Database.CreateDbContext();
        return await db.ProjectSteps.AsNoTracking().Where(s => s.ProjectId == id).OrderBy(s => s.Sequence).ToListAsync();
    }

    /// <summary>Fires <paramref name="trigger"/> as <paramref name="userId"/> with the project's current revision.</summary>
    public async Task FireAsync(Guid id, string trigger, string userId = YinchuanClerk, string? note = null)
    {
        var revision = (await ProjectAsync(id)).Revision;
        Act(userId);
        await Workflow().FireAsync(id, trigger, revision, note);
    }

    /// <summary>Fires <paramref name="trigger"/> for one lot (lots moving separately) as <paramref name="userId"/>.</summary>
    public async Task FireLotAsync(Guid id, int lotNumber, string trigger, string userId = YinchuanClerk, string? note = null)
    {
        var revision = (await ProjectAsync(id)).Revision;
        Act(userId);
        await Workflow().FireLotAsync(id, lotNumber, trigger, revision, note);
    }

    /// <summary>One lot's action <paramref name="trigger"/> for <paramref name="userId"/>, with its reasons.</summary>
    public async Task<WorkflowAction> LotActionAsync(Guid id, int lotNumber, string trigger, string userId = YinchuanClerk)
    {
        Act(userId);
        return (await Workflow().SubjectsAsync(id)).Single(s => s.LotNumber == lotNumber).Actions.Single(a => a.Transition.Trigger == trigger);
    }

    /// <summary>Requests an approval-marked transition and has the project's supervising department approve it.</summary>
    public async Task FireApprovedAsync(Guid id, string trigger, string userId = YinchuanClerk)
    {
        await FireAsync(id, trigger, userId);
        var project = await ProjectAsync(id);
        Assert.NotNull(project.PendingApprovalId);
        var department = Departments.Single(d => d.Value == project.SupervisingDepartmentId).Key;
        Act(SupervisorOf(department));
        await Workflow().DecideAsync(project.PendingApprovalId!.Value, approve: true, "同意。符合规定。");
    }

    /// <summary>An engineering project registered by the Yinchuan clerk, its tender plan approved: in 招标公告 since now.</summary>
    public async Task<Guid> EngineeringInNoticeAsync()
    {
        var id = await RegisterAsync(TradeType.EngineeringBidding);
        await FireAsync(id, "SubmitPlan");
        await FireApprovedAsync(id, "PublishNotice");
        return id;
    }

    /// <summary>A two-lot engineering project past its document sale (2026-12-03 09:00), in 投标 with the deadline 2026-12-17 09:00.</summary>
    public async Task<Guid> EngineeringTwoLotsInBiddingAsync()
    {
        var form = Form(TradeType.EngineeringBidding) with
        {
            Lots = [new LotForm("一号楼施工", Yuan(4_000_000), Yuan(80_000), "市政"), new LotForm("二号楼施工", Yuan(5_000_000), Yuan(100_000), "市政")],
        };
        var id = await RegisterAsync(TradeType.EngineeringBidding, form: form);
        await FireAsync(id, "SubmitPlan");
        await FireApprovedAsync(id, "PublishNotice");
        await SetDeadlineAsync(id, new DateTime(2026, 12, 17, 9, 0, 0));
        SetChinaTime(new DateTime(2026, 12, 3, 9, 0, 0));
        await FireAsync(id, "CloseDocumentSale");
        return id;
    }

    /// <summary>An engineering project whose tender plan waits in the 发展改革委 inbox; returns the request.</summary>
    public async Task<(Guid ProjectId, Guid RequestId)> EngineeringPlanPendingAsync()
    {
        var id = await RegisterAsync(TradeType.EngineeringBidding);
        await FireAsync(id, "SubmitPlan");
        await FireAsync(id, "PublishNotice");
        return (id, (await ProjectAsync(id)).PendingApprovalId!.Value);
    }

    public async Task SetDeadlineAsync(Guid id, DateTime chinaLocal, string userId = YinchuanClerk)
    {
        var revision = (await ProjectAsync(id)).Revision;
        Act(userId);
        await Workflow().SetBidDeadlineAsync(id, revision, ChinaTime.ToUtc(chinaLocal));
    }

    public async Task<WorkflowAction> ActionAsync(Guid id, string trigger, string userId = YinchuanClerk)
    {
        Act(userId);
        return (await Workflow().ActionsAsync(id)).Single(a => a.Transition.Trigger == trigger);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
