namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// Settings of bid deposits (configuration section <c>Bidding:Deposits</c>). Each period and rate has its legal default;
/// a centre changes a rate when the People's Bank publishes a new one.
/// </summary>
public sealed class DepositSettings
{
    /// <summary>The bank holding the centre's deposit account (shown to bidders with the project's sub-account).</summary>
    public string CollectionBank { get; set; } = "宁夏银行股份有限公司银川分行";

    /// <summary>The centre's deposit account; each project's virtual sub-account is this followed by the project code's digits.</summary>
    public string CollectionAccount { get; set; } = "16010120000012345";

    /// <summary>
    /// Bid validity in days from the bid deadline, until tender documents carry their own: a guarantee must stay valid at
    /// least this long. // 法规 《招标投标法实施条例》第二十六条: 投标保证金有效期应当与投标有效期一致.
    /// </summary>
    public int BidValidityDays { get; set; } = 90;

    /// <summary>Engineering: refund within 5 days of the written withdrawal. // 法规 《招标投标法实施条例》第三十五条</summary>
    public int EngineeringWithdrawalDays { get; set; } = 5;

    /// <summary>Engineering: refund to every bidder within 5 days of the contract, with interest. // 法规 《招标投标法实施条例》第五十七条</summary>
    public int EngineeringContractDays { get; set; } = 5;

    /// <summary>Procurement: refund within 5 working days of the withdrawal. // 法规 财政部令第87号 第三十八条</summary>
    public int ProcurementWithdrawalWorkingDays { get; set; } = 5;

    /// <summary>Procurement: refund to the unsuccessful within 5 working days of the award notice. // 法规 财政部令第87号 第三十八条</summary>
    public int ProcurementAwardWorkingDays { get; set; } = 5;

    /// <summary>Procurement: refund to the winner within 5 working days of the contract. // 法规 财政部令第87号 第三十八条</summary>
    public int ProcurementContractWorkingDays { get; set; } = 5;

    /// <summary>
    /// Annual rate (percent) of the interest an engineering cash deposit earns until refunded: the People's Bank benchmark
    /// rate for current deposits (活期存款基准利率 0.35%). // 法规 《招标投标法实施条例》第五十七条 (银行同期存款利息)
    /// </summary>
    public decimal CurrentDepositRatePercent { get; set; } = 0.35m;

    /// <summary>
    /// Annual lending rate (percent) for the late-refund fee: the People's Bank one-year benchmark lending rate (4.35%).
    /// // 法规 财政部令第87号 第三十八条 (中国人民银行同期贷款基准利率)
    /// </summary>
    public decimal LendingRatePercent { get; set; } = 4.35m;

    /// <summary>How far the late-refund rate lies above the lending rate, in percent of it. // 法规 财政部令第87号 第三十八条 (上浮20%)</summary>
    public decimal LateFeeMarkupPercent { get; set; } = 20m;

    /// <summary>Days in the year of a daily rate (日利率 = 年利率 ÷ 360, the banks' usual day count for deposits and loans).</summary>
    public int DayCountBasis { get; set; } = 360;

    /// <summary>Largest bank-statement file accepted, in bytes.</summary>
    public long StatementMaxBytes { get; set; } = 5 * 1024 * 1024;
}
