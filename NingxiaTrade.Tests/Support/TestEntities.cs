using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Support;

/// <summary>
/// Market entities made directly (not through the self-registration screens), for tests of other modules. Their codes
/// are of 机关 (authority 1), so they never collide with the enterprise codes other tests generate from the same seeds.
/// </summary>
public static class TestEntities
{
    /// <summary>An entity of <paramref name="name"/> registered at <paramref name="centreId"/>, approved unless <paramref name="approved"/> is false (then 待审核).</summary>
    public static MarketEntity Create(string name, int centreId, Random random, DateTime nowUtc, string ownerUserId = "", bool approved = true)
    {
        var entity = new MarketEntity(CreditCode.Generate('1', '1', "640100", random), centreId, ownerUserId, nowUtc);
        entity.Edit(new MarketEntityDetails
        {
            Name = name,
            Kind = MarketEntityKind.Enterprise,
            LegalRepresentativeName = "王建国",
            LegalRepresentativeIdNumber = IdNumber.Generate("640104", new DateOnly(1970, 1, 1).AddDays(random.Next(9000)), random.Next(1000)).Value,
            RegisteredAddress = "银川市兴庆区解放西街 1 号",
            RegionCode = "640100",
            Contacts = [new ContactForm(ContactKind.Phone, null, "0951-6012345")],
            BankAccounts = [new BankAccountForm("宁夏银行", name, $"6228{random.NextInt64(100000000000, 999999999999)}", IsBasic: true)],
        });
        entity.Submit(nowUtc);
        if (approved)
        {
            entity.Approve(centreId, nowUtc);
        }
        return entity;
    }
}
