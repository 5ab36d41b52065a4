using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.MarketEntities;

/// <summary>
/// The 基本存款账户 among an entity's bank accounts (issue 11 item 3): an engineering bidder's cash deposit must come from
/// it (《招标投标法实施条例》第二十六条), so an entity registers at most one and the directory answers which.
/// </summary>
public sealed class BasicAccountTests
{
    private static MarketEntityDetails Details(params BankAccountForm[] accounts) => new()
    {
        Name = "宁夏丁建设有限公司",
        Kind = MarketEntityKind.Enterprise,
        LegalRepresentativeName = "王建国",
        LegalRepresentativeIdNumber = IdNumber.Generate("640104", new DateOnly(1975, 3, 1), 17).Value,
        RegisteredAddress = "银川市兴庆区解放西街 1 号",
        RegionCode = "640100",
        Contacts = [new ContactForm(ContactKind.Phone, null, "0951-6012345")],
        BankAccounts = accounts,
    };

    [Fact]
    public void Edit_TwoBasicAccounts_RefusedNothingChanged()
    {
        var entity = new MarketEntity(CreditCode.Generate('9', '1', "640100", new Random(3)), 1, "", DateTime.UtcNow);

        var ex = Assert.Throws<DomainException>(() => entity.Edit(Details(
            new BankAccountForm("宁夏银行", "宁夏丁建设有限公司", "62280000111122223", IsBasic: true),
            new BankAccountForm("中国银行", "宁夏丁建设有限公司", "62280000111122224", IsBasic: true))));

        Assert.Equal("只能登记一个基本存款账户。", ex.Message);
        Assert.Empty(entity.BankAccounts);
    }

    [Fact]
    public async Task BasicAccountAsync_OneMarked_ThatAccountNoneMarked_Null()
    {
        await using var database = new TestDatabase();
        int centre;
        await using (var seed = database.CreateDbContext())
        {
            await ReferenceData.SeedAsync(seed);
            centre = seed.TradingCentres.First().Id;
        }
        var random = new Random(5);
        var now = database.Time.GetUtcNow().UtcDateTime;
        var marked = TestEntities.Create("宁夏戊建设有限公司", centre, random, now);
        var unmarked = new MarketEntity(CreditCode.Generate('9', '1', "640100", random), centre, "", now);
        unmarked.Edit(Details(new BankAccountForm("宁夏银行", "宁夏丁建设有限公司", "62280000111122223")));
        await using (var db = database.CreateDbContext())
        {
            db.MarketEntities.AddRange(marked, unmarked);
            await db.SaveChangesAsync();
        }
        var directory = new MarketEntityDirectory(database, database.User);

        Assert.Equal(marked.BankAccounts.Single().AccountNumber, (await directory.BasicAccountAsync(marked.Id))!.AccountNumber);
        Assert.Null(await directory.BasicAccountAsync(unmarked.Id));
    }
}
