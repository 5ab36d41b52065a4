// Expert draw benchmark: a 100,000-expert pool in a temporary SQLite file, every recusal rule on, 50 bidders (some with
// linked entities, employees and declared conflicts), remote evaluation; repeated draws of a 7-person committee with
// backups over two specialties. Each draw is the whole service call: load facts, filter, pick, save (audited).
// Run: dotnet run -c Release --project bench/ExpertDraw [-- <experts> <draws>]
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;

var expertCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var drawCount = args.Length > 1 ? int.Parse(args[1]) : 30;
var path = Path.Combine(Path.GetTempPath(), $"nxt-bench-experts-{Guid.NewGuid():N}.db");
var time = new BenchClock(new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc));
var audited = new Factory(new DbContextOptionsBuilder<SqliteTradeDbContext>().UseSqlite($"Data Source={path}").AddInterceptors(new AuditInterceptor(time)).Options);
var plain = new Factory(new DbContextOptionsBuilder<SqliteTradeDbContext>().UseSqlite($"Data Source={path}").Options);
var random = new Random(5);

try
{
    List<Guid> lotIds;
    var bidders = new List<Guid>();
    var setup = Stopwatch.StartNew();
    await using (var db = plain.CreateDbContext())
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await ReferenceData.SeedAsync(db);
        await WorkflowDefinitionService.SeedDefaultsAsync(db, time.GetUtcNow().UtcDateTime);
        await ExpertPool.SeedSpecialtiesAsync(db);
        var centre = await db.TradingCentres.FirstAsync(c => c.RegionCode == "640100");
        var department = await db.SupervisingDepartments.FirstAsync();
        var definition = await db.WorkflowDefinitions.FirstAsync(d => d.TradeType == TradeType.EngineeringBidding);
        db.Users.Add(new ApplicationUser { Id = "bench-clerk", UserName = "clerk@bench", DisplayName = "基准测试", TradingCentreId = centre.Id });
        var tendererId = Guid.NewGuid();
        var form = new ProjectForm("银川市某道路改造工程施工", "640100", centre.Id, TradeType.EngineeringBidding, TradeMethod.OpenTender, tendererId,
            "宁夏某招标代理有限公司", department.Id, Money.FromYuan(10_000_000), null, null, null,
            // One draw per lot: a lot for each draw of the run.
            [.. Enumerable.Range(1, drawCount + 3).Select(i => new LotForm($"第{i}标段", Money.FromYuan(100_000), Money.FromYuan(2_000), "市政"))]);
        var project = new TradeProject("640100-2026-GC-0001", form, new ProjectTenderer(tendererId, "银川市市政管理局"), new TradingRules(), definition.Id, "Registered", "bench-clerk", null, null, time.GetUtcNow().UtcDateTime);
        // Bids closed an hour ago: the committee is drawn for an evaluation after the deadline.
        var deadline = time.GetUtcNow().UtcDateTime.AddHours(-1);
        project.SetBidDeadline(deadline, deadline, "");
        db.TradeProjects.Add(project);
        lotIds = project.Lots.Select(l => l.Id).ToList();

        // 50 bidders; every fifth has a sister company (same legal representative) and another shares a bank account.
        var entities = new List<MarketEntity>();
        for (var i = 0; i < 150; i++)
        {
            var entity = new MarketEntity(CreditCode.Generate('9', '1', "640100", random), centre.Id, "bench-clerk", time.GetUtcNow().UtcDateTime);
            var rep = i < 50 ? i : i < 100 && i % 5 == 0 ? i - 50 : 1000 + i;
            var account = i < 50 ? $"6222{i:D12}" : i >= 100 && i % 5 == 1 ? $"6222{i - 100:D12}" : $"6223{i:D12}";
            entity.Edit(new MarketEntityDetails
            {
                Name = $"宁夏第{i}建设工程有限公司",
                LegalRepresentativeName = "法人" + rep,
                LegalRepresentativeIdNumber = IdNumber.Generate("640104", new DateOnly(1960, 1, 1).AddDays(rep), rep % 1000).Value,
                RegisteredAddress = "银川市金凤区某路 1 号",
                RegionCode = "640100",
                Contacts = [new ContactForm(ContactKind.Phone, null, "0951-1234567")],
                BankAccounts = [new BankAccountForm("中国银行银川分行", "账户" + i, account)],
            });
            entity.Submit(time.GetUtcNow().UtcDateTime);
            entity.Approve(centre.Id, time.GetUtcNow().UtcDateTime);
            entities.Add(entity);
        }
        db.MarketEntities.AddRange(entities);
        bidders.AddRange(entities.Take(50).Select(e => e.Id));
        await db.SaveChangesAsync();

        var codes = await db.Specialties.Where(s => s.ParentCode != null).Select(s => s.Code).ToListAsync();
        var regions = Regions.Names.Keys.Where(r => r != Regions.Ningxia).ToArray();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < expertCount; i++)
        {
            var employer = random.Next(100) < 3 ? entities[random.Next(entities.Count)] : null;
            var specialties = new[] { codes[random.Next(codes.Count)], codes[random.Next(codes.Count)] }.Distinct().ToArray();
            var status = random.Next(100) switch { < 5 => ExpertStatus.Suspended, < 6 => ExpertStatus.Removed, _ => ExpertStatus.Active };
            var expert = new Expert(new ExpertProfile($"专家{i:D6}", IdNumber.Generate("640104", new DateOnly(1955, 1, 1).AddDays(i / 1000), i % 1000).Value,
                "高级工程师", employer?.Name ?? $"宁夏某单位{random.Next(5000)}", employer?.Id, regions[random.Next(regions.Length)], specialties), status,
                time.GetUtcNow().UtcDateTime);
            if (random.Next(100) < 3)
            {
                expert.AddLeave(time.GetUtcNow().UtcDateTime.AddDays(random.Next(10)), time.GetUtcNow().UtcDateTime.AddDays(10 + random.Next(10)), "请假");
            }
            if (random.Next(100) < 2)
            {
                expert.DeclareConflict(entities[random.Next(entities.Count)].Id, "亲属任职");
            }
            if (random.Next(100) < 4)
            {
                expert.AdjustCredit(-50);
            }
            db.Experts.Add(expert);
            if (i % 5000 == 4999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
    }
    Console.WriteLine($"pool built in {setup.Elapsed.TotalSeconds:F1} s");

    var clerk = new BenchClerk();
    var entityDirectory = new MarketEntityDirectory(audited, clerk);
    var service = new ExpertDrawService(audited, clerk, time, new CryptoDrawSeedSource(), new ExpertDrawSettings(), new ProjectDirectory(audited, clerk),
        entityDirectory, new NingxiaTrade.Domain.Credit.CreditGate(audited, entityDirectory));
    var rules = RecusalSettings.AllOn with { FrequentMaxTimes = 1, FrequentDays = 90 };
    var samples = new List<double>();
    for (var i = 0; i < drawCount + 3; i++)
    {
        time.Advance(TimeSpan.FromMinutes(5));
        var now = time.GetUtcNow().UtcDateTime;
        var request = new DrawRequest(lotIds[i], [new DrawGroupRequest("A08", 5, 2), new DrawGroupRequest("A06", 2, 1)], now.AddDays(3), now.AddDays(3).AddHours(6),
            "银川市公共资源交易中心评标室3", IsRemote: true, bidders, rules, now.AddDays(1));
        var sw = Stopwatch.StartNew();
        await service.DrawAsync(request);
        if (i >= 3)
        {
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
    }
    samples.Sort();
    await using (var db = plain.CreateDbContext())
    {
        var group = await db.DrawGroups.OrderByDescending(g => g.Id).FirstAsync();
        Console.WriteLine($"last draw: {group.SpecialtyName} {group.CandidatesBeforeRules} holding the specialty, {group.PoolSize} eligible; removed: {group.RemovedJson.Length} chars of ids");
        Console.WriteLine($"draws: {samples.Count}, p95 {samples[(int)(samples.Count * 0.95)]:F0} ms, max {samples[^1]:F0} ms");
        Console.WriteLine($"median draw: {samples[samples.Count / 2]:F0} ms");
        Console.WriteLine($"pool size: {await db.Experts.CountAsync()} experts");
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var f in new[] { path, path + "-wal", path + "-shm" })
    {
        File.Delete(f);
    }
}

internal sealed class Factory(DbContextOptions<SqliteTradeDbContext> options) : IDbContextFactory<TradeDbContext>
{
    public TradeDbContext CreateDbContext() => new SqliteTradeDbContext(options) { Actor = new BenchClerk() };
}

internal sealed class BenchClerk : ICurrentUser
{
    public string? UserId => "bench-clerk";
    public string? UserName => "clerk@bench";
    public string? Role => Roles.CentreClerk;
    public bool IsAuthenticated => true;
    public bool IsInRole(string role) => role == Roles.CentreClerk;
    public bool HasPermission(string permission) => false;
}

internal sealed class BenchClock(DateTime start) : TimeProvider
{
    private DateTime _now = start;
    public void Advance(TimeSpan by) => _now += by;
    public override DateTimeOffset GetUtcNow() => new(_now);
}
