using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Credit;

/// <summary>The kinds of credit information kept per entity (实施方案 四(六)).</summary>
public enum CreditRecordKind
{
    AdministrativePenalty = 1,
    ComplaintFinding = 2,
    PerformanceEvaluation = 3,
    Commendation = 4,
    CourtDishonestList = 5,
}

public static class CreditNames
{
    public static string Chinese(this CreditRecordKind kind) => kind switch
    {
        CreditRecordKind.AdministrativePenalty => "行政处罚",
        CreditRecordKind.ComplaintFinding => "投诉处理结论",
        CreditRecordKind.PerformanceEvaluation => "履约评价",
        CreditRecordKind.Commendation => "表彰奖励",
        CreditRecordKind.CourtDishonestList => "法院失信名单",
    };

    public static string Chinese(this RepairStatus status) => status switch
    {
        RepairStatus.Pending => "待决定",
        RepairStatus.Approved => "准予修复",
        RepairStatus.Rejected => "不予修复",
    };
}

/// <summary>
/// 信用记录: one piece of credit information about an entity, with its source document and the period during which
/// it is published and counts in the rating. A credit repair ends the publication early.
/// </summary>
public class CreditRecord
{
    private CreditRecord() { }

    public CreditRecord(Guid entityId, CreditRecordKind kind, bool favourable, string summary, string documentNumber, string? legalBasis,
        string? issuedBy, DateOnly date, DateOnly publishFrom, DateOnly publishUntil, string createdBy, DateTime createdUtc)
    {
        summary = summary?.Trim() ?? "";
        documentNumber = documentNumber?.Trim() ?? "";
        if (summary.Length is < 2 or > 1000)
        {
            throw new DomainException("请填写事由（2至1000个字符）。");
        }
        if (documentNumber.Length is < 2 or > 100)
        {
            throw new DomainException("请填写来源文书的文号。");
        }
        if (publishUntil < publishFrom)
        {
            throw new DomainException("公示截止日期不能早于公示开始日期。");
        }
        if (publishFrom < date)
        {
            throw new DomainException("公示开始日期不能早于决定日期。");
        }
        Id = Guid.NewGuid();
        MarketEntityId = entityId;
        Kind = kind;
        // Only a performance evaluation can go either way; a commendation is always favourable, the rest never.
        Favourable = kind switch
        {
            CreditRecordKind.Commendation => true,
            CreditRecordKind.PerformanceEvaluation => favourable,
            _ => false,
        };
        Summary = summary;
        DocumentNumber = documentNumber;
        LegalBasis = string.IsNullOrWhiteSpace(legalBasis) ? null : legalBasis.Trim();
        IssuedBy = string.IsNullOrWhiteSpace(issuedBy) ? null : issuedBy.Trim();
        Date = date;
        PublishFrom = publishFrom;
        PublishUntil = publishUntil;
        CreatedBy = createdBy;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public CreditRecordKind Kind { get; private set; }
    public bool Favourable { get; private set; }
    public string Summary { get; private set; } = "";
    public string DocumentNumber { get; private set; } = "";
    public string? LegalBasis { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateOnly Date { get; private set; }
    public DateOnly PublishFrom { get; private set; }
    public DateOnly PublishUntil { get; private set; }
    /// <summary>Set by an approved credit repair: the record stops counting from this date.</summary>
    public DateOnly? RepairedOn { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }

    public bool IsPublishedOn(DateOnly date) =>
        PublishFrom <= date && date <= PublishUntil && (RepairedOn is null || date < RepairedOn);

    public void Repair(DateOnly on)
    {
        if (Favourable)
        {
            throw new DomainException("守信记录无需修复。");
        }
        RepairedOn ??= on;
    }
}

/// <summary>
/// 市场禁入 / 失信惩戒: an entity may not take part in transactions of the listed types from <see cref="From"/> to
/// <see cref="To"/> (both inclusive).
/// </summary>
public class MarketBan
{
    private MarketBan() { }

    public MarketBan(Guid entityId, string listName, IReadOnlyCollection<TradeType>? tradeTypes, DateOnly from, DateOnly to, string reason,
        string? documentNumber, string createdBy, DateTime createdUtc)
    {
        listName = listName?.Trim() ?? "";
        reason = reason?.Trim() ?? "";
        if (listName.Length is < 2 or > 50)
        {
            throw new DomainException("请填写名单名称（如 失信被执行人、重大税收违法失信主体、市场禁入）。");
        }
        if (reason.Length is < 2 or > 500)
        {
            throw new DomainException("请填写禁入事由（2至500个字符）。");
        }
        if (to < from)
        {
            throw new DomainException($"禁入结束日期 {ChinaTime.FormatDate(to)} 早于开始日期 {ChinaTime.FormatDate(from)}。");
        }
        Id = Guid.NewGuid();
        MarketEntityId = entityId;
        ListName = listName;
        var types = tradeTypes?.Distinct().Order().ToList() ?? [];
        TradeTypes = types.Count == 0 || types.Count == TradeTypeNames.All.Count ? [] : types;
        From = from;
        To = to;
        Reason = reason;
        DocumentNumber = string.IsNullOrWhiteSpace(documentNumber) ? null : documentNumber.Trim();
        CreatedBy = createdBy;
        CreatedUtc = createdUtc;
    }

    public Guid Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public string ListName { get; private set; } = "";
    /// <summary>Empty: every transaction type.</summary>
    public List<TradeType> TradeTypes { get; private set; } = [];
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Reason { get; private set; } = "";
    public string? DocumentNumber { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    /// <summary>Ended early (credit repair, court withdrawal): no effect from this date.</summary>
    public DateOnly? LiftedOn { get; private set; }
    public string? LiftReason { get; private set; }

    public bool AllTradeTypes => TradeTypes.Count == 0;

    public string ScopeChinese => AllTradeTypes ? "全部交易类型" : string.Join("、", TradeTypes.Select(t => t.Chinese()));

    public bool IsActiveOn(DateOnly date) => From <= date && date <= To && (LiftedOn is null || date < LiftedOn);

    public bool Covers(TradeType type) => AllTradeTypes || TradeTypes.Contains(type);

    public void Lift(DateOnly on, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写解除理由。");
        }
        if (LiftedOn is not null)
        {
            throw new DomainException("该禁入已解除。");
        }
        LiftedOn = on;
        LiftReason = reason.Trim();
    }
}

public enum RepairStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// 信用修复: the entity asks, after correcting its conduct, that an adverse record or ban stop being published; a
/// supervisor decides, and the decision stays on record.
/// </summary>
public class CreditRepairRequest
{
    private CreditRepairRequest() { }

    public CreditRepairRequest(Guid entityId, Guid? recordId, Guid? banId, string reason, string requestedBy, DateTime nowUtc)
    {
        if ((recordId is null) == (banId is null))
        {
            throw new DomainException("请选择一条需要修复的信用记录或禁入。");
        }
        reason = reason?.Trim() ?? "";
        if (reason.Length is < 10 or > 2000)
        {
            throw new DomainException("请说明整改情况和修复理由（10至2000个字符）。");
        }
        Id = Guid.NewGuid();
        MarketEntityId = entityId;
        CreditRecordId = recordId;
        MarketBanId = banId;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedUtc = nowUtc;
        Status = RepairStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public Guid? CreditRecordId { get; private set; }
    public Guid? MarketBanId { get; private set; }
    public string Reason { get; private set; } = "";
    public RepairStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public string? Opinion { get; private set; }

    public void Decide(bool approve, string decidedBy, string opinion, DateTime nowUtc)
    {
        if (Status != RepairStatus.Pending)
        {
            throw new DomainException("该信用修复申请已作出决定。");
        }
        if (string.IsNullOrWhiteSpace(opinion))
        {
            throw new DomainException("请填写决定意见。");
        }
        Status = approve ? RepairStatus.Approved : RepairStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedUtc = nowUtc;
        Opinion = opinion.Trim();
    }
}
