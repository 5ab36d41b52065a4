using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.MarketEntities;

/// <summary>
/// A fresh SQLite database with the trading centres, clerks in 吴忠 and 银川, and helpers that register entities the
/// way their accounts do. Seals use a small Argon2id cost to keep tests fast, and a fresh platform key ring.
/// </summary>
public abstract class MarketEntityTestBase : IAsyncLifetime
{
    protected const string Pin = "802416";

    /// <param name="onDisk">A temporary SQLite file instead of memory, for tests that write in parallel.</param>
    protected MarketEntityTestBase(bool onDisk = false) => Database = new TestDatabase(onDisk);

    protected TestDatabase Database { get; }
    protected SealProtection Seals { get; } = new(new SealSettings { Argon2MemoryKib = 256, Argon2Iterations = 1 }, PlatformKeyRing.CreateNew());
    protected CreditScoringSettings Scoring { get; } = new();
    private readonly Random _random = new(4);
    private int _people;

    protected MarketEntityRegistry Registry => new(Database, Database.User, Database.Time, Seals);
    protected MarketEntityReviewService Reviews => new(Database, Database.User, Database.Time);
    protected MarketEntityDirectory Directory => new(Database, Database.User);
    protected SignatureService Signatures => new(Database, Database.User, Database.Time, Seals);
    protected CreditAdministration Credit => new(Database, Database.User, Database.Time, Directory);
    protected CreditGate Gate => new(Database, Directory);
    protected CreditQueries CreditQueries => new(Database, Database.User, Database.Time, Scoring, Directory);
    protected CreditRepairService Repairs => new(Database, Database.User, Database.Time, Directory);

    protected DateOnly Today => ChinaTime.DateOf(Database.Time.GetUtcNow().UtcDateTime);

    public async ValueTask InitializeAsync()
    {
        await using var db = Database.CreateDbContext();
        await ReferenceData.SeedAsync(db);
        var centres = await db.TradingCentres.ToDictionaryAsync(c => c.RegionCode, c => c.Id);
        db.Users.Add(new ApplicationUser { Id = "clerk-wz", UserName = "clerk.wz@test.cn", Email = "clerk.wz@test.cn", TradingCentreId = centres["640300"] });
        db.Users.Add(new ApplicationUser { Id = "clerk-yc", UserName = "clerk.yc@test.cn", Email = "clerk.yc@test.cn", TradingCentreId = centres["640100"] });
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    protected async Task<int> CentreIdAsync(string region)
    {
        await using var db = Database.CreateDbContext();
        return await db.TradingCentres.Where(c => c.RegionCode == region).Select(c => c.Id).SingleAsync();
    }

    /// <summary>Acts as a new account of <paramref name="role"/> (created in the database).</summary>
    protected async Task<string> ActAsNewAccountAsync(string role = Roles.Bidder)
    {
        var id = $"{role.ToLowerInvariant()}-{++_people}";
        await using (var db = Database.CreateDbContext())
        {
            db.Users.Add(new ApplicationUser { Id = id, UserName = id + "@test.cn", Email = id + "@test.cn" });
            await db.SaveChangesAsync();
        }
        ActAs(role, id);
        return id;
    }

    protected void ActAs(string role, string userId)
    {
        Database.User.As(role, userId + "@test.cn");
        Database.User.UserId = userId;
    }

    protected void ActAsClerk(string region = "640300") =>
        ActAs(Roles.CentreClerk, region == "640300" ? "clerk-wz" : "clerk-yc");

    protected CreditCode NewCode(string region = "640300") => CreditCode.Generate('9', '1', region, _random);

    protected static MarketEntityDetails Details(string name = "吴忠市恒达建设工程有限公司", string legal = "马志刚", string? legalId = null) => new()
    {
        Name = name,
        Kind = MarketEntityKind.Enterprise,
        LegalRepresentativeName = legal,
        LegalRepresentativeIdNumber = legalId ?? IdNumber.Generate("640302", new DateOnly(1972, 3, 14), 37).Value,
        RegisteredAddress = "吴忠市利通区裕民西街 18 号",
        RegionCode = "640300",
        Contacts = [new ContactForm(ContactKind.Phone, "马志刚", "0953-2012345"), new ContactForm(ContactKind.Email, null, "hd@example.cn")],
        BankAccounts = [new BankAccountForm("中国银行吴忠分行", name, "104000123456789")],
        Qualifications = [new QualificationForm("建筑工程施工总承包", "二级", "D264012345", "宁夏回族自治区住房和城乡建设厅", new DateOnly(2027, 6, 30))],
        KeyStaff = [new KeyStaffForm("李建军", IdNumber.Generate("640302", new DateOnly(1985, 8, 1), 51).Value, "二级注册建造师（建筑工程）宁264161800321")],
    };

    /// <summary>A new account registers, submits (setting the seal PIN) and a 吴忠 clerk approves; returns the entity and its account.</summary>
    protected async Task<(Guid EntityId, string UserId, CreditCode Code)> ApprovedEntityAsync(string name = "吴忠市恒达建设工程有限公司")
    {
        var user = await ActAsNewAccountAsync();
        var code = NewCode();
        var id = await Registry.RegisterAsync(new RegistrationStart(code.Value, await CentreIdAsync("640300"), Details(name)));
        await Registry.SubmitAsync(id, Pin);
        ActAsClerk();
        await Reviews.ApproveAsync(id);
        ActAs(Roles.Bidder, user);
        return (id, user, code);
    }
}
