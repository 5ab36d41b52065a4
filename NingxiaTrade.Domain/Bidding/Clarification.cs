using System.Text;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Bidding;

/// <summary>
/// A potential bidder's question about the tender documents (澄清问题). Who asked (entity and person) is kept for the
/// centre's clerks and the supervisors only; the tenderer, its agent and the other bidders never see it. The tenderer or
/// agent answers it, either to the asker alone or published to everyone who obtained the documents.
/// </summary>
public class BidQuestion
{
    private BidQuestion() { }

    internal BidQuestion(Guid projectId, int number, string text, Guid askedByEntityId, string askedByEntityName, string? askedByUserId,
        string askedByName, DateTime askedUtc)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        Number = number;
        Text = text;
        AskedByEntityId = askedByEntityId;
        AskedByEntityName = askedByEntityName;
        AskedByUserId = askedByUserId;
        AskedByName = askedByName;
        AskedUtc = askedUtc;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>1, 2, … within the project: how everyone refers to the question without naming the asker.</summary>
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public Guid AskedByEntityId { get; private set; }
    public string AskedByEntityName { get; private set; } = "";
    public string? AskedByUserId { get; private set; }
    public string AskedByName { get; private set; } = "";
    public DateTime AskedUtc { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public string? AnsweredByUserId { get; private set; }
    public DateTime? AnsweredUtc { get; private set; }
    /// <summary>True when the answer went to everyone who obtained the documents (without the asker's name).</summary>
    public bool IsPublished { get; private set; }

    public const int MaxText = 2000;

    /// <summary>Answers the question once; a private answer may later be published, never taken back.</summary>
    internal void Reply(string answer, bool publish, string answeredBy, string? userId, DateTime nowUtc)
    {
        if (IsPublished)
        {
            throw new DomainException($"问题{Number}已答复并公开，不能再修改答复；如需更正，请发布澄清或修改。");
        }
        var text = answer?.Trim() ?? "";
        if (text.Length is < 2 or > MaxText)
        {
            throw new DomainException($"答复内容应为2至{MaxText}个字符。");
        }
        Answer = text;
        AnsweredBy = answeredBy;
        AnsweredByUserId = userId;
        AnsweredUtc = nowUtc;
        IsPublished = publish;
    }
}

/// <summary>
/// A clarification or amendment of issued tender documents (澄清/修改), published by the tenderer or agent to everyone who
/// obtained them, signed with its seal over <see cref="Sm3"/> (the text and, when attached, the file's SM3). One that may
/// affect bid preparation keeps the bid deadline at least <see cref="BiddingSettings.AmendmentNoticeDays"/> days after
/// its publication (《招标投标法》第二十三条; 《招标投标法实施条例》第二十一条; 财政部令第87号第二十七条).
/// </summary>
public class Amendment
{
    private Amendment() { }

    internal Amendment(Guid projectId, int number, int? lotNumber, string title, string text, bool affectsPreparation, string basis,
        StoredDocument? file, string? fileName, string sm3, SignatureRecord signature, Guid signedByEntityId, string publishedBy, string? publishedByUserId,
        DateTime publishedUtc)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        Number = number;
        LotNumber = lotNumber;
        Title = title;
        Text = text;
        AffectsPreparation = affectsPreparation;
        Basis = basis;
        FileName = file is null ? null : fileName;
        StoredName = file?.StoredName;
        SizeBytes = file?.Length;
        FileSm3 = file?.Sm3;
        Sm3 = sm3;
        SignedByEntityId = signedByEntityId;
        SignedByName = signature.SignerName;
        SignatureId = signature.Id;
        SignatureToken = signature.Token;
        PublishedBy = publishedBy;
        PublishedByUserId = publishedByUserId;
        PublishedUtc = publishedUtc;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>1, 2, … within the project.</summary>
    public int Number { get; private set; }
    /// <summary>The lot it concerns; null for the whole project.</summary>
    public int? LotNumber { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    /// <summary>May affect bid preparation (可能影响投标文件编制): the deadline is then kept at least the notice period after it.</summary>
    public bool AffectsPreparation { get; private set; }
    /// <summary>The rule the notice period follows, cited when a deadline is refused.</summary>
    public string Basis { get; private set; } = "";
    public string? FileName { get; private set; }
    public string? StoredName { get; private set; }
    public long? SizeBytes { get; private set; }
    public string? FileSm3 { get; private set; }
    /// <summary>What the seal signed: <see cref="ContentDigest"/> of the title, the text and the file's SM3.</summary>
    public string Sm3 { get; private set; } = "";
    public Guid SignedByEntityId { get; private set; }
    public string SignedByName { get; private set; } = "";
    public Guid SignatureId { get; private set; }
    public string SignatureToken { get; private set; } = "";
    public string PublishedBy { get; private set; } = "";
    public string? PublishedByUserId { get; private set; }
    public DateTime PublishedUtc { get; private set; }

    /// <summary>SM3 over the UTF-8 title, a blank line, the text, and (with a file) a line with the file's SM3 — recomputable by anyone checking the seal.</summary>
    public static string ContentDigest(string title, string text, string? fileSm3)
    {
        var digest = new DocumentDigest();
        digest.Append(Encoding.UTF8.GetBytes(title + "\n\n" + text + (fileSm3 is null ? "" : "\n" + fileSm3)));
        return digest.ToHex();
    }
}
