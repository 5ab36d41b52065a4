using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.MarketEntities;

public enum ChangeStatus
{
    Pending = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>
/// 关键信息变更: a change of an approved entity's key data — name, legal representative, bank accounts, qualifications,
/// key staff (<see cref="MarketEntityKeyData"/>). It takes effect only when a clerk approves it; until then the entity
/// stays 已通过 on its old data. The whole key data before and after is kept on record.
/// </summary>
public class MarketEntityChange
{
    private MarketEntityChange() { }

    public MarketEntityChange(MarketEntity entity, MarketEntityKeyData proposed, string reason, string requestedBy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(proposed);
        reason = reason?.Trim() ?? "";
        if (reason.Length is < 2 or > 1000)
        {
            throw new DomainException("请填写变更原因（2至1000个字符）。");
        }
        var current = MarketEntityKeyData.Of(entity);
        var parts = current.PartsChangedIn(proposed);
        if (parts == KeyDataParts.None)
        {
            throw new DomainException("变更后的关键信息与现有信息相同，无需变更。");
        }
        Id = Guid.NewGuid();
        MarketEntityId = entity.Id;
        OldName = current.Name;
        OldLegalRepresentativeName = current.LegalRepresentativeName;
        OldLegalRepresentativeIdNumber = current.LegalRepresentativeIdNumber;
        NewName = proposed.Name;
        NewLegalRepresentativeName = proposed.LegalRepresentativeName;
        NewLegalRepresentativeIdNumber = proposed.LegalRepresentativeIdNumber;
        OldKeyData = current.ToJson();
        NewKeyData = proposed.ToJson();
        Parts = parts;
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
    /// <summary>The whole key data before the change (JSON of <see cref="MarketEntityKeyData"/>); empty on changes recorded before it was kept.</summary>
    public string OldKeyData { get; private set; } = "";
    /// <summary>The whole key data the change asks for (JSON of <see cref="MarketEntityKeyData"/>).</summary>
    public string NewKeyData { get; private set; } = "";
    /// <summary>Which parts change; changes recorded before the parts were kept show name and legal representative only.</summary>
    public KeyDataParts Parts { get; private set; }
    public string Reason { get; private set; } = "";
    public ChangeStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public string? Opinion { get; private set; }

    /// <summary>The key data before the change.</summary>
    public MarketEntityKeyData Before => MarketEntityKeyData.FromJson(OldKeyData) ?? new MarketEntityKeyData
    {
        Name = OldName, LegalRepresentativeName = OldLegalRepresentativeName, LegalRepresentativeIdNumber = OldLegalRepresentativeIdNumber,
    };

    /// <summary>The key data the change asks for.</summary>
    public MarketEntityKeyData After => MarketEntityKeyData.FromJson(NewKeyData) ?? new MarketEntityKeyData
    {
        Name = NewName, LegalRepresentativeName = NewLegalRepresentativeName, LegalRepresentativeIdNumber = NewLegalRepresentativeIdNumber,
    };

    /// <summary>Old and new text of every part the change touches.</summary>
    public IReadOnlyList<KeyDataDifference> Differences()
    {
        if (NewKeyData.Length > 0)
        {
            return Before.DifferencesTo(After);
        }
        // A change recorded before whole snapshots were kept: name and legal representative only.
        var before = Before;
        var after = After;
        return before.DifferencesTo(after with { BankAccounts = before.BankAccounts, Qualifications = before.Qualifications, KeyStaff = before.KeyStaff });
    }

    /// <summary>One line for lists and the review history, e.g. "名称“甲”→“乙”，银行账户".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var d in Differences())
        {
            parts.Add(d.Part switch
            {
                KeyDataParts.Name => $"名称“{OldName}”→“{NewName}”",
                KeyDataParts.LegalRepresentative => $"法定代表人“{OldLegalRepresentativeName}”→“{NewLegalRepresentativeName}”",
                _ => d.Label,
            });
        }
        return string.Join("，", parts);
    }

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
