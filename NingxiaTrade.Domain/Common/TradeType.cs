namespace NingxiaTrade.Domain.Common;

/// <summary>The five transaction types of the platform (REQUIREMENTS §2).</summary>
public enum TradeType
{
    EngineeringBidding = 1,
    GovernmentProcurement = 2,
    StateAssetTransfer = 3,
    LandAndMiningRights = 4,
    DrugProcurement = 5,
}

public static class TradeTypeNames
{
    public static readonly IReadOnlyList<TradeType> All = Enum.GetValues<TradeType>();

    public static string Chinese(this TradeType type) => type switch
    {
        TradeType.EngineeringBidding => "工程建设招标投标",
        TradeType.GovernmentProcurement => "政府采购",
        TradeType.StateAssetTransfer => "国有产权交易",
        TradeType.LandAndMiningRights => "土地和矿业权出让",
        TradeType.DrugProcurement => "药品采购",
    };
}
