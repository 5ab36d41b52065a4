using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Experts;

/// <summary>A fixed seed source, so a test knows the seed it gets.</summary>
public sealed class FixedSeeds(byte fill = 7) : IDrawSeedSource
{
    private byte _next = fill;
    public byte[] NextSeed() => Enumerable.Repeat(_next++, DrawAlgorithm.SeedLength).ToArray();
}

/// <summary>
/// The project harness (a 银川 engineering project, tenderer 银川市市政管理局) with the specialty tree, an expert account,
/// and helpers that add experts and market entities.
/// </summary>
public abstract class ExpertTestBase : IAsyncLifetime
{
    public const string ExpertUserId = "expert-user";
    public const string Tenderer = "银川市市政管理局";
    private int _sequence;

    protected ProjectHarness Harness { get; private set; } = null!;
    protected TestDatabase Database => Harness.Database;
    protected Guid LotId { get; private set; }
    protected FixedSeeds Seeds { get; } = new();
    protected Guid ProjectId { get; private set; }
    protected IReadOnlyList<Guid> LotIds { get; private set; } = [];
    private int _nextLot;

    /// <summary>
    /// The recusal and lifecycle tests draw small committees; the committee-size rules are tested with their legal defaults
    /// in <see cref="DrawIntegrityTests"/>.
    /// </summary>
    protected ExpertDrawSettings DrawSettings { get; } = new() { TenderCommitteeMinimum = 1, CommitteeMustBeOdd = false };

    protected ExpertDrawService Draws => DrawsWith(DrawSettings);
    protected ExpertDrawService DrawsWith(ExpertDrawSettings settings) =>
        new(Database, Database.User, Database.Time, Seeds, settings, Projects, Entities, new CreditGate(Database, Entities));
    protected ExpertSessionService Sessions => new(Database, Database.User, Database.Time, new AssessmentRules(), new ExpertFeeStandard(), Projects);
    protected ProjectDirectory Projects => new(Database, Database.User);
    protected MarketEntityDirectory Entities => new(Database, Database.User);
    protected ExpertPool Pool => new(Database, Database.User, Database.Time, Entities);
    protected DateTime Now => Database.Time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A 银川 engineering tender with eight lots (one draw per lot: each <see cref="Request"/> takes the next), in 招标公告 with
    /// its bid deadline a month ahead; the clock then moves past the deadline.
    /// </summary>
    public async ValueTask InitializeAsync()
    {
        Harness = await ProjectHarness.CreateAsync();
        Harness.Act(ProjectHarness.YinchuanClerk);
        var form = Harness.Form(TradeType.EngineeringBidding) with
        {
            Lots = [.. Enumerable.Range(1, 8).Select(i => new LotForm($"第{i}标段", ProjectHarness.Yuan(1_000_000), ProjectHarness.Yuan(20_000), "市政"))],
        };
        ProjectId = await Harness.RegisterAsync(TradeType.EngineeringBidding, form: form);
        await Harness.FireAsync(ProjectId, "SubmitPlan");
        await Harness.FireApprovedAsync(ProjectId, "PublishNotice");
        await Harness.SetDeadlineAsync(ProjectId, ChinaTime.ToChina(Now).Date.AddDays(30).AddHours(9));
        Harness.Advance(TimeSpan.FromDays(31));
        Harness.Act(ProjectHarness.YinchuanClerk);
        await using var db = Database.CreateDbContext();
        LotIds = await db.Lots.Where(l => l.ProjectId == ProjectId).OrderBy(l => l.Number).Select(l => l.Id).ToListAsync();
        LotId = LotIds[0];
        await ExpertPool.SeedSpecialtiesAsync(db);
        db.Users.Add(new ApplicationUser { Id = ExpertUserId, UserName = "expert@test.cn", Email = "expert@test.cn", DisplayName = "专家" });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();

    protected void ActAsClerk(string id = ProjectHarness.YinchuanClerk) => Harness.Act(id);

    /// <summary>The supervisor of the project's department (发展改革委), which the draw's scope requires.</summary>
    protected void ActAsSupervisor() => Harness.Act(ProjectHarness.SupervisorOf(ProjectHarness.DepartmentOf(TradeType.EngineeringBidding)));

    protected void ActAsExpert()
    {
        Database.User.As(Roles.Expert, "expert@test.cn");
        Database.User.UserId = ExpertUserId;
    }

    /// <summary>Adds an expert straight into the database; <paramref name="change"/> adjusts it before saving.</summary>
    protected async Task<Guid> AddExpertAsync(string name, string specialty = "A08", string region = "640300", string employer = "宁夏某设计研究院",
        Guid? employerEntity = null, ExpertStatus status = ExpertStatus.Active, Action<Expert>? change = null)
    {
        var n = ++_sequence;
        var expert = new Expert(new ExpertProfile(name, IdNumber.Generate("640104", new DateOnly(1970, 1, 1).AddDays(n), n % 1000).Value, "高级工程师",
            employer, employerEntity, region, [specialty]), status, Now);
        change?.Invoke(expert);
        await using var db = Database.CreateDbContext();
        db.Experts.Add(expert);
        await db.SaveChangesAsync();
        return expert.Id;
    }

    protected async Task<List<Guid>> AddExpertsAsync(int count, string specialty = "A08", string region = "640300")
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await AddExpertAsync($"专家{_sequence + 1:000}", specialty, region));
        }
        return ids;
    }

    /// <summary>An approved market entity (a bidder must be one).</summary>
    protected async Task<Guid> AddEntityAsync(string name, string legalIdSeed = "1", string account = "104000000000001", string phone = "0951-1234567")
    {
        var n = ++_sequence;
        var entity = new MarketEntity(CreditCode.Generate('9', '1', "640100", new Random(n)), Harness.Centres["640100"], ProjectHarness.BidderId, Now);
        entity.Edit(new MarketEntityDetails
        {
            Name = name,
            LegalRepresentativeName = "法人" + legalIdSeed,
            LegalRepresentativeIdNumber = IdNumber.Generate("640104", new DateOnly(1965, 5, 5), int.Parse(legalIdSeed)).Value,
            RegisteredAddress = "银川市金凤区某路 1 号",
            RegionCode = "640100",
            Contacts = [new ContactForm(ContactKind.Phone, null, phone)],
            BankAccounts = [new BankAccountForm("中国银行银川分行", name, account)],
        });
        entity.Submit(Now);
        entity.Approve(Harness.Centres["640100"], Now);
        await using var db = Database.CreateDbContext();
        db.MarketEntities.Add(entity);
        await db.SaveChangesAsync();
        return entity.Id;
    }

    /// <summary>Draws one expert with no backup as the clerk, who accepts at once; returns the draw and the member.</summary>
    protected async Task<(Guid DrawId, DrawMemberView Member)> DrawOneAcceptedAsync()
    {
        ActAsClerk();
        var drawId = await Draws.DrawAsync(Request(count: 1, backups: 0));
        var member = (await Draws.GetAsync(drawId)).Members.Single();
        await using var db = Database.CreateDbContext();
        var draw = await db.ExpertDraws.Include(d => d.Members).Include(d => d.Groups).SingleAsync(d => d.Id == drawId);
        draw.Respond(member.Id, true, null, Now);
        await db.SaveChangesAsync();
        return (drawId, member);
    }

    protected DrawRequest Request(int count = 3, int backups = 1, string specialty = "A08", RecusalSettings? rules = null, bool remote = false,
        IReadOnlyList<Guid>? bidders = null) =>
        new(LotIds[_nextLot++ % LotIds.Count], [new DrawGroupRequest(specialty, count, backups)], Now.AddDays(3), Now.AddDays(3).AddHours(6), "银川市公共资源交易中心评标室3",
            remote, bidders ?? [], rules ?? RecusalSettings.AllOn, Now.AddDays(1));
}
