using System.Linq.Expressions;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>Where a sealed bid stands.</summary>
public enum SealedBidStatus
{
    /// <summary>已递交: sealed, counts at the deadline.</summary>
    Submitted = 0,
    /// <summary>已被替换: a later submission of the same bidder replaced it (the last counts).</summary>
    Replaced = 1,
    /// <summary>已撤回: the bidder withdrew it before the deadline.</summary>
    Withdrawn = 2,
    /// <summary>已解密: decrypted at the opening (by the bidder, or from escrow with approval).</summary>
    Opened = 3,
    /// <summary>已撤销: not decrypted in the window through the bidder's own fault (《电子招标投标办法》第三十一条).</summary>
    Revoked = 4,
    /// <summary>视为撤回: not decrypted through the platform's fault (《电子招标投标办法》第三十一条); may be decrypted from escrow.</summary>
    PlatformFailed = 5,
    /// <summary>已作废: the lot was re-tendered; bids of the earlier round no longer count.</summary>
    Void = 6,
}

/// <summary>
/// A bidder's sealed bid (投标文件) for one lot: the price form (开标一览表) and files, encrypted under a fresh key that is
/// itself kept only wrapped — under a key derived from the bidder's decryption password and under the centre's escrow
/// SM2 key. Nothing here reveals the bid's content before it is opened: the price form is ciphertext, the files are in
/// the bid store as ciphertext, and the plaintext SM3 digests only let identical files be found later.
/// </summary>
public class SealedBid
{
    private readonly List<SealedBidFile> _files = [];

    private SealedBid() { }

    internal SealedBid(Guid id, Guid projectId, int lotNumber, Guid entityId, string entityName, string? userId, string submittedBy,
        DateTime submittedUtc, DateTime deadlineUtc, string? address)
    {
        Id = id;
        ProjectId = projectId;
        LotNumber = lotNumber;
        EntityId = entityId;
        EntityName = entityName;
        SubmittedByUserId = userId;
        SubmittedBy = submittedBy;
        SubmittedUtc = submittedUtc;
        DeadlineUtc = deadlineUtc;
        UploadAddress = address;
        Status = SealedBidStatus.Submitted;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int LotNumber { get; private set; }
    public Guid EntityId { get; private set; }
    public string EntityName { get; private set; } = "";
    public string? SubmittedByUserId { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    /// <summary>Server time the bid was sealed (the receipt's time).</summary>
    public DateTime SubmittedUtc { get; private set; }
    /// <summary>The bid deadline in force when it was submitted.</summary>
    public DateTime DeadlineUtc { get; private set; }
    public string? UploadAddress { get; private set; }
    public SealedBidStatus Status { get; private set; }
    /// <summary>The price form: nonce + SM4-GCM of its JSON under the bid key, bound to the bid.</summary>
    public byte[] PriceFormCipher { get; private set; } = [];
    public byte[] PasswordSalt { get; private set; } = [];
    public int PasswordIterations { get; private set; }
    /// <summary>The bid key under the password-derived key (nonce + SM4-GCM).</summary>
    public byte[] PasswordWrappedKey { get; private set; } = [];
    /// <summary>The bid key under the escrow SM2 public key.</summary>
    public byte[] EscrowWrappedKey { get; private set; } = [];
    public string EscrowKeyId { get; private set; } = "";
    /// <summary>SM3 of the bid's manifest (price form and every file's plaintext SM3): what the bidder's seal signed.</summary>
    public string ManifestSm3 { get; private set; } = "";
    public Guid SignatureId { get; private set; }
    public string SignatureToken { get; private set; } = "";
    /// <summary>The receipt (回执), signed by the platform.</summary>
    public string ReceiptToken { get; private set; } = "";
    public DateTime? WithdrawnUtc { get; private set; }
    public DateTime? OpenedUtc { get; private set; }
    /// <summary>How it was opened: 投标人解密 or 托管解密.</summary>
    public string? OpenedBy { get; private set; }
    /// <summary>The price form in the clear, once opened.</summary>
    public string? PriceFormJson { get; private set; }
    /// <summary>The bid key re-wrapped under the platform's wrap key once opened, so the evaluation can read the files.</summary>
    public byte[]? OpenedKeyWrapped { get; private set; }
    public string? OpenedKeyWrapId { get; private set; }
    public IReadOnlyList<SealedBidFile> Files => _files;

    internal void Seal(byte[] priceFormCipher, PasswordWrap password, byte[] escrowWrapped, string escrowKeyId, IEnumerable<SealedBidFile> files)
    {
        PriceFormCipher = priceFormCipher;
        PasswordSalt = password.Salt;
        PasswordIterations = password.Iterations;
        PasswordWrappedKey = password.Wrapped;
        EscrowWrappedKey = escrowWrapped;
        EscrowKeyId = escrowKeyId;
        _files.AddRange(files);
    }

    internal void Sign(string manifestSm3, Guid signatureId, string signatureToken, string receiptToken)
    {
        ManifestSm3 = manifestSm3;
        SignatureId = signatureId;
        SignatureToken = signatureToken;
        ReceiptToken = receiptToken;
    }

    public PasswordWrap PasswordWrap => new(PasswordSalt, PasswordIterations, PasswordWrappedKey);

    /// <summary>
    /// Bids that take part in the lot's opening: counting (submitted, opened) or recorded as not decrypted there; not
    /// replaced, withdrawn or voided.
    /// </summary>
    public static readonly Expression<Func<SealedBid, bool>> InOpening = b =>
        b.Status == SealedBidStatus.Submitted || b.Status == SealedBidStatus.Opened || b.Status == SealedBidStatus.Revoked || b.Status == SealedBidStatus.PlatformFailed;

    private static readonly Func<SealedBid, bool> InOpeningCheck = InOpening.Compile();

    /// <summary>This bid takes part in its lot's opening (<see cref="InOpening"/>).</summary>
    public bool IsInOpening => InOpeningCheck(this);

    /// <summary>Still counting for the lot: submitted, or opened.</summary>
    public bool IsValid => Status is SealedBidStatus.Submitted or SealedBidStatus.Opened;

    internal void Replace() => Status = SealedBidStatus.Replaced;

    internal void Withdraw(DateTime nowUtc)
    {
        Status = SealedBidStatus.Withdrawn;
        WithdrawnUtc = nowUtc;
    }

    internal void MarkVoid() => Status = SealedBidStatus.Void;

    internal void Open(string priceFormJson, string openedBy, byte[] keyWrapped, string keyWrapId, DateTime nowUtc)
    {
        if (Status is not (SealedBidStatus.Submitted or SealedBidStatus.PlatformFailed))
        {
            throw new DomainException("该投标文件不在待解密状态。");
        }
        Status = SealedBidStatus.Opened;
        PriceFormJson = priceFormJson;
        OpenedBy = openedBy;
        OpenedKeyWrapped = keyWrapped;
        OpenedKeyWrapId = keyWrapId;
        OpenedUtc = nowUtc;
    }

    internal void FailDecryption(bool platformFault) => Status = platformFault ? SealedBidStatus.PlatformFailed : SealedBidStatus.Revoked;
}

/// <summary>
/// One file of a sealed bid: its name, where its ciphertext is stored, both digests and sizes, and the author/company/last-
/// modified-by properties read from it before encryption (for the collusion analysis, 《招标投标法实施条例》第四十条).
/// </summary>
public class SealedBidFile
{
    private SealedBidFile() { }

    internal SealedBidFile(Guid id, Guid bidId, string fileName, string storedName, SealedFileDigest digest, BidFileMetadata metadata)
    {
        Id = id;
        BidId = bidId;
        FileName = fileName;
        StoredName = storedName;
        PlainSizeBytes = digest.PlainLength;
        CipherSizeBytes = digest.CipherLength;
        PlainSm3 = digest.PlainSm3;
        CipherSm3 = digest.CipherSm3;
        Author = metadata.Author;
        Company = metadata.Company;
        LastModifiedBy = metadata.LastModifiedBy;
    }

    public Guid Id { get; private set; }
    public Guid BidId { get; private set; }
    public string FileName { get; private set; } = "";
    public string StoredName { get; private set; } = "";
    public long PlainSizeBytes { get; private set; }
    public long CipherSizeBytes { get; private set; }
    public string PlainSm3 { get; private set; } = "";
    public string CipherSm3 { get; private set; } = "";
    public string? Author { get; private set; }
    public string? Company { get; private set; }
    public string? LastModifiedBy { get; private set; }
}

/// <summary>
/// The price form (开标一览表) of a bid: price in fen, duration in days, quality, project manager — read out at the opening.
/// The labels depend on the trade type (<see cref="BidPriceFormLabels"/>).
/// </summary>
public sealed record BidPriceForm(long PriceFen, int DurationDays, string Quality, string ProjectManager)
{
    public Money Price => new(PriceFen);
}

/// <summary>What the price form's fields are called for a trade type.</summary>
public sealed record BidPriceFormLabels(string Price, string Duration, string Quality, string ProjectManager)
{
    public static BidPriceFormLabels For(TradeType type) => type switch
    {
        TradeType.GovernmentProcurement => new("投标报价（元）", "交货期/服务期（日历天）", "质量保证/服务承诺", "项目负责人"),
        TradeType.DrugProcurement => new("申报价格（元）", "供货周期（日历天）", "质量层次", "联系人"),
        _ => new("投标报价（元）", "工期（日历天）", "质量标准", "项目经理"),
    };
}
