using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Tests.Domain.Common;

public class MoneyTests
{
    [Fact]
    public void FromYuan_TwoDecimals_StoresFen()
    {
        Assert.Equal(123456789L, Money.FromYuan(1234567.89m).Fen);
    }

    [Fact]
    public void FromYuan_ThreeDecimals_IsRefusedInChinese()
    {
        var ex = Assert.Throws<DomainException>(() => Money.FromYuan(1.005m));
        Assert.Contains("两位小数", ex.Message);
    }

    [Fact]
    public void ToString_GroupsAndShowsYuan()
    {
        Assert.Equal("1,234,567.80 元", new Money(123456780).ToString());
        Assert.Equal("0.05 元", new Money(5).ToString());
    }

    [Fact]
    public void PercentOf_RoundsDownToFen()
    {
        // 2% of 10,000.55 元 = 200.011 元 → 200.01 元
        Assert.Equal(20001L, Money.FromYuan(10000.55m).PercentOf(2m).Fen);
    }

    [Fact]
    public void ChinaTime_ShowsUtcPlusEight()
    {
        var utc = new DateTime(2026, 11, 27, 16, 30, 0, DateTimeKind.Utc);
        Assert.Equal("2026-11-28 00:30:00", ChinaTime.Format(utc));
        Assert.Equal(new DateOnly(2026, 11, 28), ChinaTime.DateOf(utc));
    }
}
