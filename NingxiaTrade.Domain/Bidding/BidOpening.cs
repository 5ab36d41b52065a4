using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>Where an opening (开标) stands.</summary>
public enum BidOpeningStatus
{
    /// <summary>等待开标: the room is open for roll call; decryption not started.</summary>
    Waiting = 0,
    /// <summary>解密中: bidders decrypt their own bids until the window closes.</summary>
    Decrypting = 1,
    /// <summary>已唱标: the record is published; bidders confirm or object.</summary>
    Recorded = 2,
    /// <summary>已结束: the clerk closed the opening; the record is final.</summary>
    Closed = 3,
}

/// <summary>
/// The remote opening (不见面开标) of one lot: created when the lot moves to its opening step, it holds the decryption
/// window, the signed 唱标 record and every entry of the room (roll call, decryptions, confirmations, objections and
/// answers), each stored as it happens so a restart loses nothing.
/// </summary>
public class BidOpening
{
    private BidOpening() { }

    internal BidOpening(Guid projectId, int lotNumber, string lotName, DateTime createdUtc)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        LotNumber = lotNumber;
        LotName = lotName;
        CreatedUtc = createdUtc;
        Status = BidOpeningStatus.Waiting;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int LotNumber { get; private set; }
    public string LotName { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public BidOpeningStatus Status { get; private set; }
    public DateTime? DecryptionStartedUtc { get; private set; }
    public DateTime? DecryptionEndsUtc { get; private set; }
    /// <summary>The 唱标 record as JSON (bidders, prices, durations, quality, deposit status), once published.</summary>
    public string? RecordJson { get; private set; }
    public string? RecordSm3 { get; private set; }
    /// <summary>The platform's SM2 signature over the record (hex) and the key that made it.</summary>
    public string? RecordSignature { get; private set; }
    public string? RecordKeyId { get; private set; }
    public DateTime? RecordedUtc { get; private set; }
    public DateTime? ClosedUtc { get; private set; }
    /// <summary>Optimistic concurrency: two clerks' clicks cannot both move the room.</summary>
    public int Revision { get; private set; }

    internal void StartDecryption(DateTime nowUtc, TimeSpan window)
    {
        if (Status != BidOpeningStatus.Waiting)
        {
            throw new DomainException("解密已经开始，不能重复开始。");
        }
        Status = BidOpeningStatus.Decrypting;
        DecryptionStartedUtc = nowUtc;
        DecryptionEndsUtc = nowUtc + window;
        Revision++;
    }

    internal void Record(string json, string sm3, string signature, string keyId, DateTime nowUtc)
    {
        if (Status != BidOpeningStatus.Decrypting)
        {
            throw new DomainException("只有在解密阶段之后才能生成唱标记录。");
        }
        Status = BidOpeningStatus.Recorded;
        RecordJson = json;
        RecordSm3 = sm3;
        RecordSignature = signature;
        RecordKeyId = keyId;
        RecordedUtc = nowUtc;
        Revision++;
    }

    internal void Close(DateTime nowUtc)
    {
        if (Status != BidOpeningStatus.Recorded)
        {
            throw new DomainException("唱标记录生成后才能结束开标。");
        }
        Status = BidOpeningStatus.Closed;
        ClosedUtc = nowUtc;
        Revision++;
    }
}

/// <summary>The Chinese name of an opening's status, as every screen shows it.</summary>
public static class BidOpeningStatusNames
{
    public static string Chinese(this BidOpeningStatus status) => status switch
    {
        BidOpeningStatus.Waiting => "等待开标",
        BidOpeningStatus.Decrypting => "解密中",
        BidOpeningStatus.Recorded => "已唱标",
        _ => "开标结束",
    };
}

/// <summary>What an entry of the opening room records.</summary>
public enum OpeningEntryKind
{
    /// <summary>签到</summary>
    SignIn = 0,
    /// <summary>开始解密</summary>
    DecryptionStarted = 1,
    /// <summary>投标人解密成功</summary>
    Decrypted = 2,
    /// <summary>解密失败（口令错误等，可重试）</summary>
    DecryptionFailed = 3,
    /// <summary>未解密，认定为投标人原因（撤销）或平台原因（撤回）</summary>
    NotDecrypted = 4,
    /// <summary>托管解密（经监督人员批准）</summary>
    EscrowDecrypted = 5,
    /// <summary>唱标记录公布</summary>
    Recorded = 6,
    /// <summary>确认唱标结果</summary>
    Confirmed = 7,
    /// <summary>提出异议</summary>
    Objection = 8,
    /// <summary>答复异议</summary>
    Answer = 9,
    /// <summary>开标结束（未确认的投标人视为认可）</summary>
    Closed = 10,
    /// <summary>托管解密申请 / 批准 / 驳回</summary>
    EscrowRequested = 11,
    EscrowApproved = 12,
    EscrowRejected = 13,
}

/// <summary>
/// One entry of an opening room, in order: who (entity or person), what, when, and the text (an objection, an answer, a
/// reason). The room's screens and its printed record are built from these.
/// </summary>
public class OpeningEntry
{
    private OpeningEntry() { }

    internal OpeningEntry(Guid openingId, OpeningEntryKind kind, Guid? entityId, string actor, string? text, DateTime atUtc, Guid? replyTo = null, Guid? bidId = null)
    {
        Id = Guid.NewGuid();
        OpeningId = openingId;
        Kind = kind;
        EntityId = entityId;
        Actor = actor;
        Text = text;
        AtUtc = atUtc;
        ReplyTo = replyTo;
        BidId = bidId;
    }

    public Guid Id { get; private set; }
    public Guid OpeningId { get; private set; }
    public OpeningEntryKind Kind { get; private set; }
    public Guid? EntityId { get; private set; }
    public string Actor { get; private set; } = "";
    public string? Text { get; private set; }
    public DateTime AtUtc { get; private set; }
    /// <summary>The objection an answer replies to.</summary>
    public Guid? ReplyTo { get; private set; }
    public Guid? BidId { get; private set; }
}

/// <summary>
/// A request to decrypt one bid with the centre's escrow key (the bid was not decrypted through the platform's fault):
/// the clerk asks with a reason, a supervisor approves or rejects with an opinion; only then is the key used, once.
/// </summary>
public class EscrowRequest
{
    private EscrowRequest() { }

    internal EscrowRequest(Guid openingId, Guid bidId, string reason, string requestedBy, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        OpeningId = openingId;
        BidId = bidId;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public Guid OpeningId { get; private set; }
    public Guid BidId { get; private set; }
    public string Reason { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedUtc { get; private set; }
    /// <summary>null: waiting; true approved; false rejected.</summary>
    public bool? Approved { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? Opinion { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public DateTime? UsedUtc { get; private set; }

    internal void Decide(bool approve, string decidedBy, string opinion, DateTime nowUtc)
    {
        if (Approved is not null)
        {
            throw new DomainException("该托管解密申请已处理。");
        }
        Approved = approve;
        DecidedBy = decidedBy;
        Opinion = opinion;
        DecidedUtc = nowUtc;
    }

    internal void Use(DateTime nowUtc)
    {
        if (Approved != true || UsedUtc is not null)
        {
            throw new DomainException("托管解密须经监督人员批准，且每次批准只能使用一次。");
        }
        UsedUtc = nowUtc;
    }
}
