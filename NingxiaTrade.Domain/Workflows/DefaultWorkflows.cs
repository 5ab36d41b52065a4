using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using static NingxiaTrade.Domain.Accounts.Roles;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>
/// The default flows of REQUIREMENTS §2, one per (transaction type, trade method) that <see cref="TradeMethods.For"/> allows. Every statutory minimum carries its legal basis; an Admin may
/// change any of them and publish a new version.
/// </summary>
public static class DefaultWorkflows
{
    private const string Law24 = "《招标投标法》第二十四条";
    private const string Rule16 = "《招标投标法实施条例》第十六条";
    private const string Rule44 = "《招标投标法实施条例》第四十四条";
    private const string Rule54 = "《招标投标法实施条例》第五十四条";
    private const string Gp35 = "《政府采购法》第三十五条";
    private const string Gp36 = "《政府采购法》第三十六条";
    private const string Gp38 = "《政府采购法》第三十八条";
    private const string Gp40 = "《政府采购法》第四十条";
    private const string Order74 = "《政府采购非招标采购方式管理办法》（财政部令第74号）";
    private const string Doc214 = "《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）";
    private const string AuctionLaw = "《中华人民共和国拍卖法》";
    private const string Order87 = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）";
    private const string Order87Art16 = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第十六条";
    private const string Order87Art41 = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第四十一条第二款";
    private const string Order87Art43 = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第四十三条";
    private const string Order87Art69 = "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第六十九条";
    private const string Order32 = "《企业国有资产交易监督管理办法》（国务院国资委 财政部令第32号）";
    // The wording of 国土资源部令第39号 was not verified against an official text: its figures are cited as platform rules.
    private const string Order39 = "按本平台规则（参照《招标拍卖挂牌出让国有建设用地使用权规定》，国土资源部令第39号）";

    // Declared before All: static fields initialise in textual order.
    private static readonly string[] Owners = [CentreClerk, Tenderer, Agent];
    private static readonly string[] Clerk = [CentreClerk];

    /// <summary>Every default flow; the first five keep the identifiers they were seeded with before flows were per method.</summary>
    public static IReadOnlyList<(string DefinitionId, TradeType Type, TradeMethod Method, string Name, WorkflowBody Body)> All { get; } =
    [
        ("engineering-bidding", TradeType.EngineeringBidding, TradeMethod.OpenTender, "工程建设项目公开招标流程", Engineering(invited: false)),
        ("government-procurement", TradeType.GovernmentProcurement, TradeMethod.OpenTender, "政府采购公开招标流程", Procurement()),
        ("state-asset-transfer", TradeType.StateAssetTransfer, TradeMethod.Listing, "企业国有产权挂牌转让流程", StateAsset("挂牌")),
        ("land-mining-rights", TradeType.LandAndMiningRights, TradeMethod.Listing, "国有建设用地使用权和矿业权挂牌出让流程", Land()),
        ("drug-procurement", TradeType.DrugProcurement, TradeMethod.VolumeBasedProcurement, "药品集中带量采购流程", Drugs()),
        ("engineering-invited", TradeType.EngineeringBidding, TradeMethod.InvitedTender, "工程建设项目邀请招标流程", Engineering(invited: true)),
        ("procurement-invited", TradeType.GovernmentProcurement, TradeMethod.InvitedTender, "政府采购邀请招标流程", ProcurementInvited()),
        ("procurement-negotiation", TradeType.GovernmentProcurement, TradeMethod.CompetitiveNegotiation, "政府采购竞争性谈判流程",
            NonTender("Negotiation", "谈判文件", "谈判", 3, true, $"从谈判文件发出之日起至供应商提交首次响应文件截止之日止不得少于3个工作日（{Order74}第二十九条）", Gp38)),
        ("procurement-consultation", TradeType.GovernmentProcurement, TradeMethod.CompetitiveConsultation, "政府采购竞争性磋商流程",
            NonTender("Consultation", "磋商文件", "磋商", 10, false, $"从磋商文件发出之日起至供应商提交首次响应文件截止之日止不得少于10日（{Doc214}第十条）", null)),
        ("procurement-quotation", TradeType.GovernmentProcurement, TradeMethod.RequestForQuotation, "政府采购询价流程",
            NonTender("Quotation", "询价通知书", "询价", 3, true, $"从询价通知书发出之日起至供应商提交响应文件截止之日止不得少于3个工作日（{Order74}第四十五条）", Gp40)),
        ("state-asset-online", TradeType.StateAssetTransfer, TradeMethod.OnlineBidding, "企业国有产权网络竞价转让流程", StateAsset("网络竞价")),
        ("state-asset-auction", TradeType.StateAssetTransfer, TradeMethod.Auction, "企业国有产权拍卖转让流程", StateAssetAuction()),
        ("land-auction", TradeType.LandAndMiningRights, TradeMethod.Auction, "国有建设用地使用权和矿业权拍卖出让流程", LandAuction()),
        ("land-tender", TradeType.LandAndMiningRights, TradeMethod.OpenTender, "国有建设用地使用权和矿业权招标出让流程", LandTender()),
    ];

    // Primary and For hand out copies: the bodies in All are the statutory reference StatutoryFigures compares against.

    /// <summary>The body of a type's first (most common) method's flow: 公开招标, or 挂牌, or 带量采购.</summary>
    public static WorkflowBody Primary(TradeType type) => All.First(d => d.Type == type).Body.Clone();

    /// <summary>The body of the default flow for a type and method.</summary>
    public static WorkflowBody For(TradeType type, TradeMethod method) => All.Single(d => d.Type == type && d.Method == method).Body.Clone();

    private static WorkflowBody Engineering(bool invited)
    {
        var b = new Builder("Registered");
        b.Step("Registered", "项目登记")
         .Step("PlanApproval", "招标方案核准/备案")
         .Step("Notice", invited ? "投标邀请书（招标文件发售）" : "招标公告（招标文件发售）", 5, false, $"招标文件的发售期不得少于5日（{Rule16}）", PeriodKind.Duration)
         .Step("Bidding", "投标")
         .Step("Opening", "开标")
         .Step("Evaluation", "评标")
         .Step("CandidatePublicity", "中标候选人公示", 3, false, $"中标候选人公示期不得少于3日（{Rule54}）")
         .Step("AwardNotice", "中标通知")
         .Step("Contract", "合同签订")
         .Step("DepositRefund", "保证金退还")
         .Step("Performance", "履约")
         .Final("Archived", "归档")
         .Final("Terminated", "终止");
        b.Go("SubmitPlan", "提交招标方案", "Registered", "PlanApproval", Owners)
         .Go("PublishNotice", invited ? "发出投标邀请书" : "发布招标公告", "PlanApproval", "Notice", Owners, approval: true)
         .Go("CloseDocumentSale", "招标文件发售期满", "Notice", "Bidding", Clerk)
         .Go("OpenBids", "开标", "Bidding", "Opening", Clerk,
             // Opening happens at the deadline (《招标投标法》第三十四条); the deadline guard re-checks the 20-day lead time.
             Deadline(Law24),
             AtLeast("bids.count", 3, "投标人", $"投标人少于3个的，不得开标，应当重新招标（{Rule44}）"))
         .Go("Retender", "投标人不足3家，重新招标", "Bidding", "Notice", Clerk, ignoresMinimum: true, guards:
             [Deadline(Law24), AtLeast("bids.count", 0, "投标人", $"投标人少于3个的，不得开标，应当重新招标（{Rule44}）", max: 2)])
         .Go("StartEvaluation", "组织评标", "Opening", "Evaluation", Clerk)
         .Go("PublishCandidates", "公示中标候选人", "Evaluation", "CandidatePublicity", Owners)
         .Go("IssueAward", "公示期满，发出中标通知书", "CandidatePublicity", "AwardNotice", Owners, timer: new WorkflowTimer { Days = 3 })
         .Go("SignContract", "签订合同", "AwardNotice", "Contract", Owners)
         .Go("RefundDeposits", "退还投标保证金", "Contract", "DepositRefund", Clerk)
         .Go("StartPerformance", "进入履约", "DepositRefund", "Performance", Owners)
         .Go("Archive", "履约完成，归档", "Performance", "Archived", Clerk);
        b.Terminations("Terminated", ["Registered", "PlanApproval", "Notice", "Bidding", "Opening", "Evaluation", "CandidatePublicity"]);
        b.Body.BidDeadline = new DeadlineRule { FromStep = "Notice", Days = 20, LegalBasis = Law24 };
        b.Body.LotsFromStep = "Bidding"; // from here each lot moves on its own
        DefaultDuties.Engineering(b.Body);
        return b.Body;
    }

    private static WorkflowBody Procurement() => Procurement(invited: false);

    /// <summary>邀请招标: suppliers are found by a 资格预审 notice first, then invited; from the invitation on as an open tender.</summary>
    private static WorkflowBody ProcurementInvited() => Procurement(invited: true);

    private static WorkflowBody Procurement(bool invited)
    {
        var b = new Builder("Intention");
        b.Step("Intention", "采购意向公开")
         .Step("Plan", "采购计划/备案");
        if (invited)
        {
            b.Step("Prequalification", "资格预审公告（征集供应商）", 5, true, $"资格预审公告期限为5个工作日（{Order87}第十四条）")
             .Step("Notice", "发出投标邀请（提供招标文件）");
        }
        else
        {
            b.Step("Notice", "采购公告", 5, true, $"公开招标公告期限为5个工作日（{Order87Art16}）");
        }
        b
         .Step("Bidding", "投标")
         .Step("Opening", "开标")
         .Step("Evaluation", "评审")
         .Step("ResultNotice", "中标结果公告", 1, true, $"中标结果公告期限为1个工作日（{Order87Art69}）")
         .Step("Contract", "合同签订")
         .Step("ContractNotice", "合同公告")
         .Step("Acceptance", "履约验收")
         .Final("Completed", "验收完成")
         .Final("MethodChanged", "经批准改用其他采购方式（另行登记）")
         .Final("Terminated", "终止");
        b.Go("SubmitPlan", "报送采购计划", "Intention", "Plan", Owners);
        if (invited)
        {
            b.Go("PublishPrequalification", "发布资格预审公告", "Plan", "Prequalification", Owners, approval: true)
             .Go("Invite", "资格预审结束，向合格供应商发出投标邀请", "Prequalification", "Notice", Owners)
             .Go("CloseNotice", "投标邀请已发出，进入投标", "Notice", "Bidding", Clerk);
        }
        else
        {
            b.Go("PublishNotice", "发布采购公告", "Plan", "Notice", Owners, approval: true)
             .Go("CloseNotice", "公告期满", "Notice", "Bidding", Clerk);
        }
        b
         .Go("OpenBids", "开标", "Bidding", "Opening", Clerk,
             Deadline(Gp35),
             AtLeast("bids.count", 3, "投标供应商", $"投标截止时间结束后参加投标的供应商不足3家的，不得开标（{Order87Art41}）"))
         .Go("Rebid", "供应商不足3家，重新招标", "Bidding", "Notice", Clerk, ignoresMinimum: true, guards:
             [Deadline(Gp35), AtLeast("bids.count", 0, "投标供应商", $"供应商不足3家的，可重新招标，或经财政部门批准改用其他采购方式（{Order87Art43}）", max: 2)])
         .Go("ChangeMethod", "供应商不足3家，报财政部门批准改用其他采购方式", "Bidding", "MethodChanged", Owners, approval: true, ignoresMinimum: true, guards:
             [Deadline(Gp35), AtLeast("bids.count", 0, "投标供应商", $"供应商不足3家的，可重新招标，或经财政部门批准改用其他采购方式（{Order87Art43}）", max: 2)])
         .Go("StartEvaluation", "组织评审", "Opening", "Evaluation", Clerk)
         .Go("PublishResult", "发布中标结果公告", "Evaluation", "ResultNotice", Owners)
         .Go("SignContract", "签订政府采购合同", "ResultNotice", "Contract", Owners)
         .Go("PublishContract", "发布合同公告", "Contract", "ContractNotice", Owners)
         .Go("StartAcceptance", "组织履约验收", "ContractNotice", "Acceptance", Owners)
         .Go("Complete", "验收完成", "Acceptance", "Completed", Owners);
        b.Terminations("Terminated", invited
            ? ["Intention", "Plan", "Prequalification", "Notice", "Bidding", "Opening", "Evaluation"]
            : ["Intention", "Plan", "Notice", "Bidding", "Opening", "Evaluation"]);
        b.Body.BidDeadline = new DeadlineRule { FromStep = "Notice", Days = 20, LegalBasis = Gp35 };
        b.Body.LotsFromStep = "Bidding"; // from here each lot moves on its own
        DefaultDuties.Procurement(b.Body, tender: true);
        return b.Body;
    }

    /// <summary>
    /// 竞争性谈判、竞争性磋商、询价: documents to invited suppliers, first responses after a lead time, a panel of three or
    /// more (an odd number, 财政部令第74号第七条), the result notice, the contract.
    /// </summary>
    private static WorkflowBody NonTender(string key, string documents, string verb, int days, bool working, string leadBasis, string? threeBasis)
    {
        var three = threeBasis is null
            ? $"提交响应文件的供应商不足3家的，不得进入{verb}（按本平台规则）"
            : $"参加{verb}的供应商不得少于3家（{threeBasis}）";
        var b = new Builder("Intention");
        b.Step("Intention", "采购意向公开")
         .Step("Plan", "采购计划/备案")
         .Step("Invitation", $"发出{documents}")
         .Step("Responses", "提交响应文件")
         .Step(key, $"{verb}小组{verb}（3人以上单数）")
         // 74号令 sets when the result is published, not how long; the one working day follows 87号令 as a platform rule.
         .Step("ResultNotice", "成交结果公告", 1, true, $"成交结果公告期限为1个工作日（按本平台规则，参照{Order87Art69}）")
         .Step("Contract", "合同签订")
         .Step("ContractNotice", "合同公告")
         .Final("Completed", "验收完成")
         .Final("Terminated", "终止");
        b.Go("SubmitPlan", "报送采购计划", "Intention", "Plan", Owners)
         .Go("Invite", $"发出{documents}", "Plan", "Invitation", Owners, approval: true)
         .Go("StartResponses", "进入响应文件提交", "Invitation", "Responses", Clerk)
         .Go("OpenResponses", $"响应截止，组织{verb}", "Responses", key, Clerk,
             Deadline(leadBasis), AtLeast("bids.count", 3, "提交响应文件的供应商", three))
         .Go("PublishResult", "发布成交结果公告", key, "ResultNotice", Owners)
         .Go("SignContract", "签订政府采购合同", "ResultNotice", "Contract", Owners)
         .Go("PublishContract", "发布合同公告", "Contract", "ContractNotice", Owners)
         .Go("Complete", "验收完成", "ContractNotice", "Completed", Owners);
        b.Terminations("Terminated", ["Intention", "Plan", "Invitation", "Responses", key]);
        b.Body.BidDeadline = new DeadlineRule { FromStep = "Invitation", Days = days, WorkingDays = working, LegalBasis = leadBasis };
        b.Body.LotsFromStep = "Responses"; // from here each lot moves on its own
        DefaultDuties.Procurement(b.Body, tender: false);
        return b.Body;
    }

    private static WorkflowBody StateAsset(string method)
    {
        var b = new Builder("Application");
        b.Step("Application", "转让申请")
         .Step("Approval", "国资监管机构审批")
         .Step("Disclosure", "信息披露", 20, true, $"正式披露信息时间不得少于20个工作日（{Order32}）", PeriodKind.Duration)
         .Step("Qualification", method == "挂牌" ? "挂牌期满，意向受让方资格确认" : "意向受让方登记与资格确认")
         .Step("OnlineBidding", "网络竞价")
         .Step("DealNotice", "成交公告")
         .Step("Contract", "签订产权交易合同")
         .Final("Settled", "价款结算")
         .Final("Terminated", "终止");
        b.Go("SubmitTransfer", "提交转让申请", "Application", "Approval", Owners)
         .Go("Disclose", "发布产权转让信息", "Approval", "Disclosure", Owners, approval: true)
         .Go("CloseDisclosure", "披露期满，确认受让资格", "Disclosure", "Qualification", Clerk)
         .Go("AgreeDeal", "仅一家合格意向受让方，协议成交", "Qualification", "DealNotice", Clerk,
             AtLeast("bidders.qualified", 1, "合格意向受让方", $"只产生一个符合条件的意向受让方的，以协议方式成交，价格不得低于挂牌价（{Order32}）", max: 1))
         .Go("StartBidding", "两家以上合格意向受让方，组织网络竞价", "Qualification", "OnlineBidding", Clerk,
             AtLeast("bidders.qualified", 2, "合格意向受让方", $"产生两个以上符合条件的意向受让方的，以竞价方式确定受让方（{Order32}）"))
         .Go("CloseBidding", "竞价结束，发布成交公告", "OnlineBidding", "DealNotice", Clerk)
         .Go("SignContract", "签订产权交易合同", "DealNotice", "Contract", Owners)
         .Go("Settle", "价款结算完成", "Contract", "Settled", Clerk);
        b.Terminations("Terminated", ["Application", "Approval", "Disclosure", "Qualification", "OnlineBidding"]);
        b.Body.LotsFromStep = "Qualification"; // from here each lot moves on its own
        return b.Body;
    }

    private static WorkflowBody Land()
    {
        var b = new Builder("Scheme");
        b.Step("Scheme", "出让方案审批")
         .Step("Notice", "出让公告（竞买申请、缴纳保证金）", 20, false, $"出让公告于挂牌开始日前不少于20日发布（{Order39}）", PeriodKind.LeadTime)
         .Step("Listing", "挂牌", 10, false, $"挂牌时间不少于10日（{Order39}）", PeriodKind.Duration)
         .Step("Auction", "现场（网上）竞价")
         .Step("Confirmation", "签订成交确认书")
         .Step("ResultPublicity", "结果公示")
         .Final("Contract", "签订出让合同")
         .Final("Failed", "流拍")
         .Final("Terminated", "终止");
        b.Go("PublishNotice", "发布出让公告", "Scheme", "Notice", Owners, approval: true)
         .Go("StartListing", "开始挂牌", "Notice", "Listing", Clerk)
         .Go("ToAuction", "两家以上竞买人仍要求报价，转入竞价", "Listing", "Auction", Clerk,
             AtLeast("bidders.competing", 2, "仍在竞价的竞买人", $"挂牌截止时两个以上竞买人表示继续报价的，转入现场（网上）竞价（{Order39}）"))
         .Go("ListingDeal", "挂牌成交（一家报价且不低于底价）", "Listing", "Confirmation", Clerk,
             AtLeast("offers.valid", 1, "有效报价", Order39),
             // Two or more still competing at the close must go to auction, not to a listing deal.
             AtLeast("bidders.competing", 0, "仍在竞价的竞买人", $"挂牌截止时两个以上竞买人表示继续报价的，转入现场（网上）竞价（{Order39}）", max: 1))
         .Go("ListingFailed", "无人报价或报价低于底价，流拍", "Listing", "Failed", Clerk,
             AtLeast("offers.valid", 0, "有效报价", $"有不低于底价的有效报价的，不得流拍（{Order39}）", max: 0))
         .Go("AuctionDeal", "竞价成交", "Auction", "Confirmation", Clerk)
         .Go("AuctionFailed", "竞价未达底价，流拍", "Auction", "Failed", Clerk)
         .Go("PublishResult", "公示出让结果", "Confirmation", "ResultPublicity", Clerk)
         .Go("SignContract", "签订出让合同", "ResultPublicity", "Contract", Owners);
        b.Terminations("Terminated", ["Scheme", "Notice"]);
        b.Body.LotsFromStep = "Listing"; // from here each lot moves on its own
        return b.Body;
    }

    /// <summary>拍卖出让: the notice at least 20 days before the auction (a lead time), then the auction itself.</summary>
    private static WorkflowBody LandAuction()
    {
        var b = new Builder("Scheme");
        b.Step("Scheme", "出让方案审批")
         .Step("Notice", "拍卖出让公告（竞买申请、缴纳保证金）", 20, false, $"出让公告于拍卖日前不少于20日发布（{Order39}）", PeriodKind.LeadTime)
         .Step("Auction", "拍卖会（网上拍卖）")
         .Step("Confirmation", "签订成交确认书")
         .Step("ResultPublicity", "结果公示")
         .Final("Contract", "签订出让合同")
         .Final("Failed", "流拍")
         .Final("Terminated", "终止");
        b.Go("PublishNotice", "发布拍卖出让公告", "Scheme", "Notice", Owners, approval: true)
         .Go("StartAuction", "举行拍卖", "Notice", "Auction", Clerk)
         .Go("AuctionDeal", "最高应价不低于底价，拍卖成交", "Auction", "Confirmation", Clerk)
         .Go("AuctionFailed", "无人应价或最高应价低于底价，流拍", "Auction", "Failed", Clerk)
         .Go("PublishResult", "公示出让结果", "Confirmation", "ResultPublicity", Clerk)
         .Go("SignContract", "签订出让合同", "ResultPublicity", "Contract", Owners);
        b.Terminations("Terminated", ["Scheme", "Notice"]);
        b.Body.LotsFromStep = "Auction"; // from here each lot moves on its own
        return b.Body;
    }

    /// <summary>招标出让: the notice, sealed bids until the deadline, opening and evaluation, then as the other ways.</summary>
    private static WorkflowBody LandTender()
    {
        var b = new Builder("Scheme");
        b.Step("Scheme", "出让方案审批")
         .Step("Notice", "招标出让公告（发售招标文件）")
         .Step("Bidding", "投标")
         .Step("Opening", "开标")
         .Step("Evaluation", "评标（评标小组5人以上单数）")
         .Step("Confirmation", "确定中标人，签订成交确认书")
         .Step("ResultPublicity", "结果公示")
         .Final("Contract", "签订出让合同")
         .Final("Failed", "流标")
         .Final("Terminated", "终止");
        b.Go("PublishNotice", "发布招标出让公告", "Scheme", "Notice", Owners, approval: true)
         .Go("StartBidding", "进入投标", "Notice", "Bidding", Clerk)
         .Go("OpenBids", "开标", "Bidding", "Opening", Clerk,
             Deadline(Order39), AtLeast("bids.count", 3, "投标人", $"投标人不足3人的，不得开标（{Order39}）"))
         .Go("TenderFailed", "投标人不足3人，流标", "Bidding", "Failed", Clerk, ignoresMinimum: true, guards:
             [Deadline(Order39), AtLeast("bids.count", 0, "投标人", $"投标人不足3人的，不得开标（{Order39}）", max: 2)])
         .Go("StartEvaluation", "组织评标", "Opening", "Evaluation", Clerk)
         .Go("Award", "确定中标人", "Evaluation", "Confirmation", Owners)
         .Go("PublishResult", "公示出让结果", "Confirmation", "ResultPublicity", Clerk)
         .Go("SignContract", "签订出让合同", "ResultPublicity", "Contract", Owners);
        b.Terminations("Terminated", ["Scheme", "Notice", "Bidding", "Opening", "Evaluation"]);
        b.Body.BidDeadline = new DeadlineRule { FromStep = "Notice", Days = 20, LegalBasis = $"出让公告发布之日起至投标截止之日止不少于20日（{Order39}）" };
        b.Body.LotsFromStep = "Bidding"; // from here each lot moves on its own
        return b.Body;
    }

    /// <summary>拍卖转让 of state assets: the auction notice at least 7 days before, the lots on display at least 2 days (《拍卖法》第四十五条、第四十八条).</summary>
    private static WorkflowBody StateAssetAuction()
    {
        var b = new Builder("Application");
        b.Step("Application", "转让申请")
         .Step("Approval", "国资监管机构审批")
         .Step("Disclosure", "信息披露", 20, true, $"正式披露信息时间不得少于20个工作日（{Order32}）", PeriodKind.Duration)
         .Step("AuctionNotice", "拍卖公告", 7, false, $"拍卖人应当于拍卖日七日前发布拍卖公告（{AuctionLaw}第四十五条）", PeriodKind.LeadTime)
         .Step("Exhibition", "拍卖标的展示", 2, false, $"拍卖前应当展示拍卖标的，展示时间不得少于两日（{AuctionLaw}第四十八条）", PeriodKind.Duration)
         .Step("Auction", "拍卖会")
         .Step("DealNotice", "成交公告")
         .Step("Contract", "签订产权交易合同")
         .Final("Settled", "价款结算")
         .Final("Failed", "流拍")
         .Final("Terminated", "终止");
        b.Go("SubmitTransfer", "提交转让申请", "Application", "Approval", Owners)
         .Go("Disclose", "发布产权转让信息", "Approval", "Disclosure", Owners, approval: true)
         .Go("PublishAuction", "披露期满，发布拍卖公告", "Disclosure", "AuctionNotice", Clerk)
         .Go("Exhibit", "展示拍卖标的", "AuctionNotice", "Exhibition", Clerk)
         .Go("HoldAuction", "举行拍卖", "Exhibition", "Auction", Clerk)
         .Go("AuctionDeal", "拍卖成交，发布成交公告", "Auction", "DealNotice", Clerk)
         .Go("AuctionFailed", "无人应价或应价低于保留价，流拍", "Auction", "Failed", Clerk)
         .Go("SignContract", "签订产权交易合同", "DealNotice", "Contract", Owners)
         .Go("Settle", "价款结算完成", "Contract", "Settled", Clerk);
        b.Terminations("Terminated", ["Application", "Approval", "Disclosure", "AuctionNotice", "Exhibition"]);
        b.Body.LotsFromStep = "Auction"; // from here each lot moves on its own
        return b.Body;
    }

    private static WorkflowBody Drugs()
    {
        var b = new Builder("Documents");
        b.Step("Documents", "采购文件（品种、约定采购量、最高有效申报价）")
         .Step("Declaration", "企业申报")
         .Step("Opening", "开标")
         .Step("Proposed", "拟中选")
         .Step("Publicity", "拟中选结果公示")
         .Step("Result", "中选结果")
         .Final("Execution", "医疗机构执行")
         .Final("Terminated", "终止");
        b.Go("PublishDocuments", "发布采购文件", "Documents", "Declaration", Owners, approval: true)
         .Go("OpenDeclarations", "开标", "Declaration", "Opening", Clerk, Deadline(null))
         .Go("Rank", "按单位可比价确定拟中选", "Opening", "Proposed", Clerk)
         .Go("Publicize", "公示拟中选结果", "Proposed", "Publicity", Clerk)
         .Go("Confirm", "公示期满，确认中选结果", "Publicity", "Result", Clerk)
         .Go("Execute", "医疗机构开始执行", "Result", "Execution", Owners);
        b.Terminations("Terminated", ["Documents", "Declaration", "Opening"]);
        // No statutory minimum: the declaration deadline only has to fall after the documents are published.
        b.Body.BidDeadline = new DeadlineRule { FromStep = "Declaration", Days = 0 };
        return b.Body;
    }

    private static GuardUse Deadline(string? basis) => new()
    {
        Name = "DeadlineReached",
        Parameters = basis is null ? [] : new() { ["basis"] = basis },
    };

    private static GuardUse AtLeast(string fact, int min, string label, string basis, int? max = null)
    {
        var use = new GuardUse
        {
            Name = "FactAtLeast",
            Parameters = new() { ["fact"] = fact, ["min"] = min.ToString(System.Globalization.CultureInfo.InvariantCulture), ["label"] = label, ["basis"] = basis },
        };
        if (max is { } m)
        {
            use.Parameters["max"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return use;
    }

    private sealed class Builder(string initial)
    {
        public WorkflowBody Body { get; } = new() { InitialStep = initial };

        public Builder Step(string key, string name, int? minimumDays = null, bool working = false, string? basis = null, PeriodKind kind = PeriodKind.Duration)
        {
            Body.Steps.Add(new WorkflowStep { Key = key, Name = name, MinimumDays = minimumDays, WorkingDays = working, LegalBasis = basis, PeriodKind = kind });
            return this;
        }

        public Builder Final(string key, string name)
        {
            Body.Steps.Add(new WorkflowStep { Key = key, Name = name, IsFinal = true });
            return this;
        }

        public Builder Go(string trigger, string name, string from, string to, string[] roles, params GuardUse[] guards) =>
            Go(trigger, name, from, to, roles, false, false, null, guards);

        public Builder Go(string trigger, string name, string from, string to, string[] roles,
            bool approval = false, bool ignoresMinimum = false, WorkflowTimer? timer = null, params GuardUse[] guards)
        {
            Body.Transitions.Add(new WorkflowTransition
            {
                Trigger = trigger, Name = name, From = from, To = to, Roles = [.. roles],
                RequiresApproval = approval, IgnoresStepMinimum = ignoresMinimum, Timer = timer, Guards = [.. guards],
            });
            return this;
        }

        public void Terminations(string to, string[] from)
        {
            foreach (var step in from)
            {
                Go("Terminate", "终止项目", step, to, [CentreClerk, Tenderer], approval: true, ignoresMinimum: true);
            }
        }
    }
}
