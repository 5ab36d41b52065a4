using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Projects;

/// <summary>交易方式 (GLOSSARY).</summary>
public enum TradeMethod
{
    OpenTender = 1,
    InvitedTender = 2,
    CompetitiveNegotiation = 3,
    CompetitiveConsultation = 4,
    RequestForQuotation = 5,
    Listing = 6,
    Auction = 7,
    OnlineBidding = 8,
    VolumeBasedProcurement = 9,
}

public static class TradeMethods
{
    public static string Chinese(this TradeMethod method) => method switch
    {
        TradeMethod.OpenTender => "公开招标",
        TradeMethod.InvitedTender => "邀请招标",
        TradeMethod.CompetitiveNegotiation => "竞争性谈判",
        TradeMethod.CompetitiveConsultation => "竞争性磋商",
        TradeMethod.RequestForQuotation => "询价",
        TradeMethod.Listing => "挂牌",
        TradeMethod.Auction => "拍卖",
        TradeMethod.OnlineBidding => "网络竞价",
        TradeMethod.VolumeBasedProcurement => "带量采购",
    };

    /// <summary>The methods each transaction type may use.</summary>
    public static IReadOnlyList<TradeMethod> For(TradeType type) => type switch
    {
        TradeType.EngineeringBidding => [TradeMethod.OpenTender, TradeMethod.InvitedTender],
        TradeType.GovernmentProcurement =>
            [TradeMethod.OpenTender, TradeMethod.InvitedTender, TradeMethod.CompetitiveNegotiation, TradeMethod.CompetitiveConsultation, TradeMethod.RequestForQuotation],
        TradeType.StateAssetTransfer => [TradeMethod.Listing, TradeMethod.OnlineBidding, TradeMethod.Auction],
        TradeType.LandAndMiningRights => [TradeMethod.Listing, TradeMethod.Auction, TradeMethod.OpenTender],
        TradeType.DrugProcurement => [TradeMethod.VolumeBasedProcurement],
    };

    /// <summary>What a lot is called for the type: 标段, 采购包, 标的, 宗地, 品种组.</summary>
    public static string LotName(TradeType type) => type switch
    {
        TradeType.EngineeringBidding => "标段",
        TradeType.GovernmentProcurement => "采购包",
        TradeType.StateAssetTransfer => "标的",
        TradeType.LandAndMiningRights => "宗地",
        TradeType.DrugProcurement => "品种组",
    };

    /// <summary>The party that owns a project, as each type calls it (GLOSSARY: Tenderer).</summary>
    public static string TendererName(TradeType type) => type switch
    {
        TradeType.EngineeringBidding => "招标人",
        TradeType.GovernmentProcurement => "采购人",
        TradeType.StateAssetTransfer => "转让方",
        TradeType.LandAndMiningRights => "出让人",
        TradeType.DrugProcurement => "采购主体",
    };

    /// <summary>What a lot's price is: estimate, budget, listing price, reserve price or maximum valid price.</summary>
    public static string PriceName(TradeType type) => type switch
    {
        TradeType.EngineeringBidding => "估算价",
        TradeType.GovernmentProcurement => "预算金额",
        TradeType.StateAssetTransfer => "挂牌价",
        TradeType.LandAndMiningRights => "起始价",
        TradeType.DrugProcurement => "最高有效申报价",
    };

    public static string Code(TradeType type) => type switch
    {
        TradeType.EngineeringBidding => "GC",
        TradeType.GovernmentProcurement => "CG",
        TradeType.StateAssetTransfer => "CQ",
        TradeType.LandAndMiningRights => "TD",
        TradeType.DrugProcurement => "YP",
    };
}
