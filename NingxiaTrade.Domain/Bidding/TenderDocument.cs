namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// A version of a project's tender documents (招标文件/采购文件), signed with the uploading tenderer's or agent's electronic
/// seal over the SM3 digest of the file. The file itself lives in the document store under <see cref="StoredName"/>; a
/// new version supersedes the older ones (still listed) while no bidder has downloaded them.
/// </summary>
public class TenderDocument
{
    private TenderDocument() { }

    internal TenderDocument(Guid projectId, int version, string fileName, string storedName, long sizeBytes, string sm3,
        Guid signedByEntityId, string signedByName, Guid signatureId, string signatureToken, string uploadedBy, string? uploadedByUserId, DateTime uploadedUtc)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        Version = version;
        FileName = fileName;
        StoredName = storedName;
        SizeBytes = sizeBytes;
        Sm3 = sm3;
        SignedByEntityId = signedByEntityId;
        SignedByName = signedByName;
        SignatureId = signatureId;
        SignatureToken = signatureToken;
        UploadedBy = uploadedBy;
        UploadedByUserId = uploadedByUserId;
        UploadedUtc = uploadedUtc;
        IsCurrent = true;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>1 for the first upload, one more for each replacement.</summary>
    public int Version { get; private set; }
    /// <summary>The name the uploader gave the file (shown and used on download; never a path on disk).</summary>
    public string FileName { get; private set; } = "";
    public string StoredName { get; private set; } = "";
    public long SizeBytes { get; private set; }
    /// <summary>SM3 of the file, lower-case hex: what the seal signed, and what a downloader can check.</summary>
    public string Sm3 { get; private set; } = "";
    public Guid SignedByEntityId { get; private set; }
    public string SignedByName { get; private set; } = "";
    public Guid SignatureId { get; private set; }
    /// <summary>The public signature value (NXSIG1.…), verifiable on the public verification page.</summary>
    public string SignatureToken { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public string? UploadedByUserId { get; private set; }
    public DateTime UploadedUtc { get; private set; }
    /// <summary>False once a newer version replaced it.</summary>
    public bool IsCurrent { get; private set; }

    internal void Supersede() => IsCurrent = false;
}

/// <summary>
/// One download of tender documents: who (entity and person), when and from which address. The list is confidential to
/// the centre's clerks and the supervisors (《招标投标法》第二十二条: the number and names of those who obtained the
/// documents must not be disclosed).
/// </summary>
public class TenderDocumentDownload
{
    private TenderDocumentDownload() { }

    internal TenderDocumentDownload(Guid documentId, Guid projectId, Guid? entityId, string? entityName, string? userId, string userName,
        string role, DateTime atUtc, string? address)
    {
        Id = Guid.NewGuid();
        DocumentId = documentId;
        ProjectId = projectId;
        EntityId = entityId;
        EntityName = entityName;
        UserId = userId;
        UserName = userName;
        Role = role;
        AtUtc = atUtc;
        Address = address;
    }

    public Guid Id { get; private set; }
    public Guid DocumentId { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid? EntityId { get; private set; }
    public string? EntityName { get; private set; }
    public string? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    /// <summary>The client address the download came from.</summary>
    public string? Address { get; private set; }
}
