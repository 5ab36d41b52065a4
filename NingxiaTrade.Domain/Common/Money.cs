using System.Globalization;

namespace NingxiaTrade.Domain.Common;

/// <summary>An amount of renminbi held as integer fen (分), so SQLite can compare and order it.</summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    /// <summary>Yuan with at most two decimals; more precision is refused, never rounded silently.</summary>
    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new DomainException($"金额 {yuan} 元超过两位小数。");
        }
        if (fen > long.MaxValue || fen < long.MinValue)
        {
            throw new DomainException($"金额 {yuan} 元超出范围。");
        }
        return new Money((long)fen);
    }

    public decimal Yuan => Fen / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    /// <summary>The given percentage of this amount, rounded down to the fen.</summary>
    public Money PercentOf(decimal percent) => new((long)decimal.Floor(Fen * percent / 100m));

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>"1,234,567.80 元" — two decimals, grouped, as on Chinese government forms.</summary>
    public override string ToString() => Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";
}
