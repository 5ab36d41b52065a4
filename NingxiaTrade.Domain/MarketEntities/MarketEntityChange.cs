using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

public enum ChangeStatus
{
    Pending = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>
/// 关键信息变更: a change of name or legal representative of an approved entity. It takes effect only when a clerk
/// approves it; the old and new values stay on record.
/// </summary>
public class MarketEntityChange
{
    private MarketEntityChange() { }

    public MarketEntityChange(MarketEntity entity, string newName, string newLegalName, string newLegalId, string reason,
        string requestedBy, DateTime nowUtc)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length is < 2 or > 1000)
        {
            throw new DomainException("请填写变更原因（2至1000个字符）。");
        }
        newName = newName?.Trim() ?? "";
        newLegalName = newLegalName?.Trim() ?? "";
        newLegalId = newLegalId?.Trim().ToUpperInvariant() ?? "";
        if (newName.Length is < 2 or > 200)
        {
            throw new DomainException("名称应为2至200个字符。");
        }
        if (newLegalName.Length is < 2 or > 50)
        {
            throw new DomainException("法定代表人姓名应为2至50个字符。");
        }
        if (IdNumber.Validate(newLegalId) is { } error)
        {
            throw new DomainException("法定代表人" + error);
        }
        if (newName == entity.Name && newLegalName == entity.LegalRepresentativeName && newLegalId == entity.LegalRepresentativeIdNumber.Value)
        {
            throw new DomainException("变更后的名称和法定代表人与现有信息相同，无需变更。");
        }
        Id = Guid.NewGuid();
        MarketEntityId = entity.Id;
        OldName = entity.Name;
        OldLegalRepresentativeName = entity.LegalRepresentativeName;
        OldLegalRepresentativeIdNumber = entity.LegalRepresentativeIdNumber.Value;
        NewName = newName;
        NewLegalRepresentativeName = newLegalName;
        NewLegalRepresentativeIdNumber = newLegalId;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedUtc = nowUtc;
        Status = ChangeStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public string OldName { get; private set; } = "";
    public string OldLegalRepresentativeName { get; private set; } = "";
    public string OldLegalRepresentativeIdNumber { get; private set; } = "";
    public string NewName { get; private set; } = "";
    public string NewLegalRepresentativeName { get; private set; } = "";
    public string NewLegalRepresentativeIdNumber { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public ChangeStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public string? Opinion { get; private set; }

    public void Approve(MarketEntity entity, string decidedBy, string? opinion, DateTime nowUtc)
    {
        RequirePending();
        entity.ApplyChange(this);
        Decide(ChangeStatus.Approved, decidedBy, opinion, nowUtc);
    }

    public void Return(string decidedBy, string reasons, DateTime nowUtc)
    {
        RequirePending();
        if (string.IsNullOrWhiteSpace(reasons))
        {
            throw new DomainException("退回变更申请须填写退回理由。");
        }
        Decide(ChangeStatus.Returned, decidedBy, reasons, nowUtc);
    }

    private void Decide(ChangeStatus status, string decidedBy, string? opinion, DateTime nowUtc)
    {
        Status = status;
        DecidedBy = decidedBy;
        DecidedUtc = nowUtc;
        Opinion = string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim();
    }

    private void RequirePending()
    {
        if (Status != ChangeStatus.Pending)
        {
            throw new DomainException("该变更申请已处理。");
        }
    }
}

public enum ReviewAction
{
    Submitted = 1,
    Approved = 2,
    Returned = 3,
    ChangeRequested = 4,
    ChangeApproved = 5,
    ChangeReturned = 6,
    SealIssued = 7,
}

/// <summary>One step of an entity's review history (提交, 通过, 退回, 变更 …), never changed once written.</summary>
public class MarketEntityReview
{
    private MarketEntityReview() { }

    public MarketEntityReview(Guid entityId, ReviewAction action, string userName, string? centreName, string? note, DateTime atUtc)
    {
        MarketEntityId = entityId;
        Action = action;
        UserName = userName;
        CentreName = centreName;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AtUtc = atUtc;
    }

    public long Id { get; private set; }
    public Guid MarketEntityId { get; private set; }
    public ReviewAction Action { get; private set; }
    public string UserName { get; private set; } = "";
    public string? CentreName { get; private set; }
    public string? Note { get; private set; }
    public DateTime AtUtc { get; private set; }

    public static string Chinese(ReviewAction action) => action switch
    {
        ReviewAction.Submitted => "提交审核",
        ReviewAction.Approved => "审核通过",
        ReviewAction.Returned => "退回修改",
        ReviewAction.ChangeRequested => "申请变更关键信息",
        ReviewAction.ChangeApproved => "变更审核通过",
        ReviewAction.ChangeReturned => "变更申请退回",
        ReviewAction.SealIssued => "启用电子签章",
    };
}
