namespace NingxiaTrade.Domain.Projects;

/// <summary>
/// Statutory limits used when a project is registered, each a setting with its legal default
/// (configuration section <c>TradingRules</c>).
/// </summary>
public sealed class TradingRules
{
    /// <summary>招标投标法实施条例 第26条: 投标保证金不得超过招标项目估算价的2%.</summary>
    public decimal EngineeringDepositCapPercent { get; set; } = 2m;

    /// <summary>政府采购法实施条例 第33条: 投标保证金不得超过采购项目预算金额的2%.</summary>
    public decimal ProcurementDepositCapPercent { get; set; } = 2m;

    /// <summary>
    /// 《企业国有资产交易监督管理办法》(国资委 财政部令第32号) 第十二条: the reserve price of the first formal disclosure may
    /// not be below the approved or filed appraisal result — 100% of the appraised value.
    /// </summary>
    public decimal StateAssetFirstListingMinPercent { get; set; } = 100m;

    /// <summary>
    /// 《企业国有资产交易监督管理办法》(国资委 财政部令第32号) 第十八条: when no buyer came forward the asset may be disclosed
    /// again at a lower reserve price; a new price below 90% of the appraised value needs the written consent of the body
    /// that approved the transfer.
    /// </summary>
    public decimal StateAssetConsentBelowPercent { get; set; } = 90m;

    /// <summary>Largest consent document accepted, in bytes (default 20 MB).</summary>
    public long ListingConsentMaxBytes { get; set; } = 20 * 1024 * 1024;
}
