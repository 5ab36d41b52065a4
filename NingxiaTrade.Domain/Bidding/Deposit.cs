using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>Where a bid deposit (投标保证金) stands.</summary>
public enum DepositStatus
{
    /// <summary>待缴: the bidder recorded how it pays; the money or the guarantee has not been confirmed.</summary>
    Pending = 1,
    /// <summary>已到账: the transfer is on the project's sub-account, or the clerk checked the guarantee.</summary>
    Received = 2,
    /// <summary>已退还.</summary>
    Refunded = 3,
    /// <summary>已没收 (by a clerk, with a reason).</summary>
    Forfeited = 4,
}

/// <summary>How the deposit is given.</summary>
public enum DepositMethod
{
    /// <summary>银行转账 to the centre's per-project virtual sub-account.</summary>
    BankTransfer = 1,
    /// <summary>保函 (paper or electronic) of a bank or a guarantee institution.</summary>
    Guarantee = 2,
}

/// <summary>What started a deposit's refund period.</summary>
public enum DepositRefundBasis
{
    /// <summary>The bid was withdrawn (撤回) before the deadline.</summary>
    Withdrawn = 1,
    /// <summary>The award notice went out and this bidder did not win (procurement).</summary>
    NotAwarded = 2,
    /// <summary>The contract was signed (engineering: every bidder; procurement: the winner).</summary>
    ContractSigned = 3,
}

public static class DepositNames
{
    public static string Chinese(this DepositStatus status) => status switch
    {
        DepositStatus.Pending => "待缴",
        DepositStatus.Received => "已到账",
        DepositStatus.Refunded => "已退还",
        DepositStatus.Forfeited => "已没收",
    };

    public static string Chinese(this DepositMethod method) => method switch
    {
        DepositMethod.BankTransfer => "银行转账",
        DepositMethod.Guarantee => "保函",
    };

    public static string Chinese(this DepositRefundBasis basis) => basis switch
    {
        DepositRefundBasis.Withdrawn => "撤回投标文件",
        DepositRefundBasis.NotAwarded => "未中标（中标通知书发出）",
        DepositRefundBasis.ContractSigned => "合同签订",
    };
}

/// <summary>
/// One bidder's deposit for one lot (标段/采购包): the amount the lot asks, how it is given (a transfer from the bidder's
/// account, or a guarantee), and its course 待缴 → 已到账 → 已退还 / 已没收. The refund period, once started, and what the
/// refund paid (interest, late-payment fee) are kept on it.
/// </summary>
public class Deposit
{
    private Deposit() { }

    internal Deposit(Guid projectId, int lotNumber, Guid entityId, string entityName, TradeType tradeType, Money amount, DateTime nowUtc,
        string projectCode, string projectName, string lotName)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        ProjectCode = projectCode;
        ProjectName = projectName;
        LotName = lotName;
        LotNumber = lotNumber;
        EntityId = entityId;
        EntityName = entityName;
        TradeType = tradeType;
        Amount = amount;
        Status = DepositStatus.Pending;
        CreatedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>The project's code and name and the lot's name when the deposit was recorded (the bidder's list shows them).</summary>
    public string ProjectCode { get; private set; } = "";
    public string ProjectName { get; private set; } = "";
    public int LotNumber { get; private set; }
    public string LotName { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public string EntityName { get; private set; } = "";
    public TradeType TradeType { get; private set; }
    /// <summary>The lot's deposit when the bidder first recorded its payment.</summary>
    public Money Amount { get; private set; }
    public DepositStatus Status { get; private set; }
    public DepositMethod Method { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public string? RecordedBy { get; private set; }

    /// <summary>Transfer: the paying bank, the bank's reference (流水号), the paying account and its holder's name.</summary>
    public string? BankName { get; private set; }
    public string? Reference { get; private set; }
    public string? PayerAccount { get; private set; }
    public string? PayerName { get; private set; }

    /// <summary>Guarantee: number, issuer, amount, last day of validity, electronic or paper.</summary>
    public string? GuaranteeNumber { get; private set; }
    public string? GuaranteeIssuer { get; private set; }
    public Money GuaranteeAmount { get; private set; }
    public DateOnly? GuaranteeValidUntil { get; private set; }
    public bool GuaranteeElectronic { get; private set; }

    public DateTime? ReceivedUtc { get; private set; }
    public string? ReceivedBy { get; private set; }

    public DepositRefundBasis? RefundBasis { get; private set; }
    /// <summary>The event the refund period counts from.</summary>
    public DateTime? RefundStartedUtc { get; private set; }
    /// <summary>The last day to refund (China date); the refund is late from the next day.</summary>
    public DateOnly? RefundLastDay { get; private set; }
    public bool IsWinner { get; private set; }

    public DateTime? RefundedUtc { get; private set; }
    public string? RefundedBy { get; private set; }
    /// <summary>Interest paid with the refund (engineering, 银行同期存款利息).</summary>
    public Money Interest { get; private set; }
    /// <summary>Fee for holding the money past the last day (procurement, 超期资金占用费).</summary>
    public Money LateFee { get; private set; }

    public DateTime? ForfeitedUtc { get; private set; }
    public string? ForfeitedBy { get; private set; }
    public string? ForfeitReason { get; private set; }

    public int Revision { get; private set; }

    /// <summary>A short number people can quote (the first 8 hex digits of the id, upper-case).</summary>
    public string Number => Id.ToString("N")[..8].ToUpperInvariant();

    /// <summary>The key of this deposit's refund duty on the project's duty list.</summary>
    public string DutyKey => "DepositRefund." + Id.ToString("N");

    /// <summary>Whether the refund is overdue at <paramref name="nowUtc"/>.</summary>
    public bool IsRefundOverdue(DateTime nowUtc) =>
        Status == DepositStatus.Received && RefundLastDay is { } last && ChinaTime.DateOf(nowUtc) > last;

    internal void RecordTransfer(string bankName, string reference, string payerAccount, string payerName, string by)
    {
        EnsurePending("登记缴纳方式");
        Method = DepositMethod.BankTransfer;
        BankName = bankName;
        Reference = reference;
        PayerAccount = payerAccount;
        PayerName = payerName;
        GuaranteeNumber = null;
        GuaranteeIssuer = null;
        GuaranteeAmount = Money.Zero;
        GuaranteeValidUntil = null;
        GuaranteeElectronic = false;
        RecordedBy = by;
        Revision++;
    }

    internal void RecordGuarantee(string number, string issuer, Money amount, DateOnly validUntil, bool electronic, string by)
    {
        EnsurePending("登记缴纳方式");
        Method = DepositMethod.Guarantee;
        GuaranteeNumber = number;
        GuaranteeIssuer = issuer;
        GuaranteeAmount = amount;
        GuaranteeValidUntil = validUntil;
        GuaranteeElectronic = electronic;
        BankName = null;
        Reference = null;
        PayerAccount = null;
        PayerName = null;
        RecordedBy = by;
        Revision++;
    }

    /// <summary>待缴 → 已到账.</summary>
    internal void ConfirmArrival(DateTime atUtc, string by)
    {
        EnsurePending("确认到账");
        Status = DepositStatus.Received;
        ReceivedUtc = atUtc;
        ReceivedBy = by;
        Revision++;
    }

    /// <summary>Starts the refund period once (a later event does not move an earlier start).</summary>
    internal bool StartRefund(DepositRefundBasis basis, DateTime startedUtc, DateOnly lastDay)
    {
        if (Status != DepositStatus.Received || RefundStartedUtc is not null)
        {
            return false;
        }
        RefundBasis = basis;
        RefundStartedUtc = startedUtc;
        RefundLastDay = lastDay;
        Revision++;
        return true;
    }

    internal void MarkWinner()
    {
        IsWinner = true;
        Revision++;
    }

    /// <summary>已到账 → 已退还, with the interest and the late fee paid.</summary>
    internal void Refund(DateTime atUtc, string by, Money interest, Money lateFee)
    {
        if (Status != DepositStatus.Received)
        {
            throw new DomainException($"保证金{Number}当前状态为“{Status.Chinese()}”，只有已到账的保证金可以退还。");
        }
        Status = DepositStatus.Refunded;
        RefundedUtc = atUtc;
        RefundedBy = by;
        Interest = interest;
        LateFee = lateFee;
        Revision++;
    }

    /// <summary>已到账 → 已没收, with the clerk's reason.</summary>
    internal void Forfeit(DateTime atUtc, string by, string reason)
    {
        if (Status != DepositStatus.Received)
        {
            throw new DomainException($"保证金{Number}当前状态为“{Status.Chinese()}”，只有已到账的保证金可以没收。");
        }
        Status = DepositStatus.Forfeited;
        ForfeitedUtc = atUtc;
        ForfeitedBy = by;
        ForfeitReason = reason;
        Revision++;
    }

    private void EnsurePending(string what)
    {
        if (Status != DepositStatus.Pending)
        {
            throw new DomainException($"保证金{Number}已{Status.Chinese()}，不能再{what}。");
        }
    }
}
