using System.Text.RegularExpressions;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Rules;

/// <summary>效力层级: the legal rank of a rule.</summary>
public enum RuleLevel
{
    Law = 1,
    AdministrativeRegulation = 2,
    LocalRegulation = 3,
    GovernmentRule = 4,
    NormativeDocument = 5,
}

/// <summary>Where a rule stands in the clean-up and review process (四(一)1–2).</summary>
public enum RuleStatus
{
    /// <summary>Entered by its department, not yet submitted.</summary>
    Draft = 1,
    /// <summary>Submitted with a clean-up proposal, waiting for the legality review.</summary>
    UnderReview = 2,
    /// <summary>Returned by the legal office; the department answers and resubmits.</summary>
    Returned = 3,
    /// <summary>Passed the review with a keep or amend proposal: eligible for the catalogue.</summary>
    Passed = 4,
    /// <summary>Repeal confirmed by the review.</summary>
    Repealed = 5,
    /// <summary>Declared void by the review.</summary>
    Void = 6,
}

/// <summary>清理意见: the department's clean-up proposal.</summary>
public enum RuleProposal
{
    Keep = 1,
    Amend = 2,
    Repeal = 3,
    DeclareVoid = 4,
}

/// <summary>The problems 四(一)1 lists; a submission may report several.</summary>
[Flags]
public enum RuleProblem
{
    None = 0,
    SetsApprovalItems = 1,
    SetsFees = 2,
    DisguisedApprovalByFiling = 4,
    InterferesWithAutonomy = 8,
    IllegalIntermediaryServices = 16,
    ReducesRightsOrAddsDuties = 32,
    ConflictsWithSuperiorLaw = 64,
    TemporaryOrExpired = 128,
}

/// <summary>Chinese names of the rule enums, as screens, Excel files and the catalogue show them.</summary>
public static class RuleNames
{
    public static readonly IReadOnlyList<RuleLevel> Levels = Enum.GetValues<RuleLevel>();
    public static readonly IReadOnlyList<RuleProposal> Proposals = Enum.GetValues<RuleProposal>();
    public static readonly IReadOnlyList<RuleProblem> Problems = Enum.GetValues<RuleProblem>().Where(p => p != RuleProblem.None).ToList();

    public static string Chinese(this RuleLevel level) => level switch
    {
        RuleLevel.Law => "法律",
        RuleLevel.AdministrativeRegulation => "行政法规",
        RuleLevel.LocalRegulation => "地方性法规",
        RuleLevel.GovernmentRule => "规章",
        RuleLevel.NormativeDocument => "规范性文件",
    };

    public static string Chinese(this RuleStatus status) => status switch
    {
        RuleStatus.Draft => "草稿",
        RuleStatus.UnderReview => "待合法性审核",
        RuleStatus.Returned => "已退回",
        RuleStatus.Passed => "审核通过",
        RuleStatus.Repealed => "已废止",
        RuleStatus.Void => "已宣布失效",
    };

    public static string Chinese(this RuleProposal proposal) => proposal switch
    {
        RuleProposal.Keep => "保留",
        RuleProposal.Amend => "修改",
        RuleProposal.Repeal => "废止",
        RuleProposal.DeclareVoid => "宣布失效",
    };

    /// <summary>
    /// The status as screens show it: a rule that passed with changes (修改后通过) is not shown as a plain pass.
    /// <paramref name="latestDecision"/> is the legal office's decision on the latest round, if decided.
    /// </summary>
    public static string Chinese(this RuleStatus status, LegalityDecision? latestDecision) =>
        status == RuleStatus.Passed && latestDecision == LegalityDecision.PassWithChanges ? "修改后通过" : status.Chinese();

    /// <summary>One problem's name; for a combination, the names joined with 、.</summary>
    public static string Chinese(this RuleProblem problem) => problem switch
    {
        RuleProblem.None => "无",
        RuleProblem.SetsApprovalItems => "设定审批事项",
        RuleProblem.SetsFees => "设定收费",
        RuleProblem.DisguisedApprovalByFiling => "以备案变相审批",
        RuleProblem.InterferesWithAutonomy => "干预市场主体自主权",
        RuleProblem.IllegalIntermediaryServices => "违法中介服务",
        RuleProblem.ReducesRightsOrAddsDuties => "减损权利增加义务",
        RuleProblem.ConflictsWithSuperiorLaw => "与上位法抵触",
        RuleProblem.TemporaryOrExpired => "临时性或已过有效期",
        _ => string.Join("、", Problems.Where(p => problem.HasFlag(p)).Select(p => p.Chinese())),
    };

    public static bool TryParseLevel(string text, out RuleLevel level) => TryParse(Levels, Chinese, text, out level);

    public static bool TryParseProposal(string text, out RuleProposal proposal) => TryParse(Proposals, Chinese, text, out proposal);

    public static bool TryParseProblem(string text, out RuleProblem problem) => TryParse(Problems, Chinese, text, out problem);

    public static bool TryParseTradeType(string text, out TradeType type) => TryParse(TradeTypeNames.All, t => t.Chinese(), text, out type);

    private static bool TryParse<T>(IEnumerable<T> values, Func<T, string> name, string text, out T value)
    {
        text = text.Trim();
        foreach (var candidate in values)
        {
            if (name(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default!;
        return false;
    }
}

/// <summary>文号: the issuing number of a document, e.g. 宁政办发〔2016〕35号 or 国务院令第613号.</summary>
public static partial class DocumentNumbers
{
    /// <summary>
    /// The number in its official shape: brackets [ ] ( ) （ ） 【 】 around the year become 〔 〕, spaces go.
    /// Null when empty.
    /// </summary>
    /// <exception cref="DomainException">Not the shape of a 文号.</exception>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = Whitespace().Replace(text, "");
        value = YearInOtherBrackets().Replace(value, "〔$1〕");
        if (!Shape().IsMatch(value))
        {
            throw new DomainException($"文号“{text.Trim()}”格式不正确，应如“宁政办发〔2016〕35号”或“国务院令第613号”。");
        }
        return value;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\[\(（【]((?:19|20)\d{2})[\]\)）】]")]
    private static partial Regex YearInOtherBrackets();

    // 机关代字〔年份〕序号号, or 机关令第N号 (numbers in digits or Chinese numerals).
    [GeneratedRegex(@"^(?:\p{IsCJKUnifiedIdeographs}{1,20}〔(?:19|20)\d{2}〕\d{1,4}号|\p{IsCJKUnifiedIdeographs}{1,20}令第[0-9一二三四五六七八九十百零〇]{1,8}号)$")]
    private static partial Regex Shape();
}

/// <summary>A rule as its department enters it, with its clean-up proposal.</summary>
public sealed record RuleForm(
    string Title,
    string? DocumentNumber,
    string IssuingBody,
    RuleLevel Level,
    IReadOnlyList<TradeType> TradeTypes,
    DateOnly? IssuedOn,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    bool IsTemporary,
    string? FullText,
    string? AttachmentPath);

/// <summary>
/// A law, regulation, rule or normative document (制度规则) that governs public resource trading, and where it
/// stands in the clean-up (谁制定、谁清理) and the legality review. <see cref="DepartmentId"/> is the department
/// that submits it and answers for its clean-up.
/// </summary>
public class Rule
{
    private readonly List<RuleReview> _reviews = [];

    private Rule() { }

    public Rule(RuleForm form, int departmentId, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        DepartmentId = departmentId;
        CreatedUtc = nowUtc;
        Status = RuleStatus.Draft;
        Change(form);
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>文号; null when the document has none (laws are cited by title).</summary>
    public string? DocumentNumber { get; private set; }
    /// <summary>制定机关.</summary>
    public string IssuingBody { get; private set; } = "";
    public RuleLevel Level { get; private set; }
    public List<TradeType> TradeTypes { get; private set; } = [];
    /// <summary>发布日期 (for a law, the date adopted); null when not known.</summary>
    public DateOnly? IssuedOn { get; private set; }
    /// <summary>施行日期; null when not known, and then <see cref="IssuedOn"/> counts.</summary>
    public DateOnly? EffectiveOn { get; private set; }
    /// <summary>有效期至; null when the rule has no term.</summary>
    public DateOnly? ExpiresOn { get; private set; }
    /// <summary>暂行 / 试行.</summary>
    public bool IsTemporary { get; private set; }
    public string? FullText { get; private set; }

    /// <summary>The longest 全文 kept as text (characters); longer originals are uploaded as an attachment.</summary>
    public const int MaxFullTextLength = 200_000;
    /// <summary>Path of the attached original under the app's file store.</summary>
    public string? AttachmentPath { get; private set; }
    public int DepartmentId { get; private set; }
    public RuleStatus Status { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public IReadOnlyList<RuleReview> Reviews => _reviews;

    /// <summary>Every error of the rule's form at once, each named by its field, so the screen can mark them all.</summary>
    public static IReadOnlyList<FieldError> Check(RuleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FormErrors();
        if ((form.Title?.Trim().Length ?? 0) is < 2 or > 200)
        {
            errors.Add(nameof(RuleForm.Title), "文件名称应为2至200个字符。");
        }
        try
        {
            DocumentNumbers.Normalise(form.DocumentNumber);
        }
        catch (DomainException e)
        {
            errors.Add(nameof(RuleForm.DocumentNumber), e.Message);
        }
        if ((form.IssuingBody?.Trim().Length ?? 0) is < 2 or > 100)
        {
            errors.Add(nameof(RuleForm.IssuingBody), "制定机关应为2至100个字符。");
        }
        if (!Enum.IsDefined(form.Level))
        {
            errors.Add(nameof(RuleForm.Level), "请选择效力层级。");
        }
        if (form.TradeTypes is null || form.TradeTypes.Count == 0)
        {
            errors.Add(nameof(RuleForm.TradeTypes), "请至少选择一个适用的交易类型。");
        }
        if (form.IssuedOn is { } issued && form.EffectiveOn is { } effective && effective < issued)
        {
            errors.Add(nameof(RuleForm.EffectiveOn), "施行日期不能早于发布日期。");
        }
        if (form.ExpiresOn is { } expires && (form.EffectiveOn ?? form.IssuedOn) is { } start && expires < start)
        {
            errors.Add(nameof(RuleForm.ExpiresOn), "有效期截止日期不能早于施行日期。");
        }
        if (form.FullText?.Length > MaxFullTextLength)
        {
            errors.Add(nameof(RuleForm.FullText), "全文不能超过20万字，请改为上传附件。");
        }
        return errors.All;
    }

    /// <summary>Changes the rule's data; only while its department holds it (draft, returned, or passed before a new round).</summary>
    public void Change(RuleForm form)
    {
        if (Status is RuleStatus.UnderReview or RuleStatus.Repealed or RuleStatus.Void)
        {
            throw new DomainException($"“{Title}”{Status.Chinese()}，不能修改。");
        }
        if (Check(form) is { Count: > 0 } errors)
        {
            throw new FormValidationException(errors);
        }
        var title = form.Title.Trim();
        var issuer = form.IssuingBody.Trim();
        Title = title;
        DocumentNumber = DocumentNumbers.Normalise(form.DocumentNumber);
        IssuingBody = issuer;
        Level = form.Level;
        TradeTypes = form.TradeTypes.Distinct().Order().ToList();
        IssuedOn = form.IssuedOn;
        EffectiveOn = form.EffectiveOn;
        ExpiresOn = form.ExpiresOn;
        // 暂行 / 试行 in the title makes it temporary whatever the form says.
        IsTemporary = form.IsTemporary || title.Contains("暂行", StringComparison.Ordinal) || title.Contains("试行", StringComparison.Ordinal);
        FullText = string.IsNullOrWhiteSpace(form.FullText) ? null : form.FullText.Trim();
        AttachmentPath = string.IsNullOrWhiteSpace(form.AttachmentPath) ? null : form.AttachmentPath.Trim();
    }

    public RuleForm ToForm() => new(Title, DocumentNumber, IssuingBody, Level, TradeTypes, IssuedOn, EffectiveOn, ExpiresOn, IsTemporary, FullText, AttachmentPath);

    /// <summary>The review waiting for the legal office, if any.</summary>
    public RuleReview? PendingReview => _reviews.FirstOrDefault(r => r.Legality is null);

    /// <summary>The latest round.</summary>
    public RuleReview? LatestReview => _reviews.OrderByDescending(r => r.Round).FirstOrDefault();

    /// <summary>The status as screens show it (修改后通过 apart from 审核通过).</summary>
    public string StatusName => Status.Chinese(LatestReview?.Legality?.Decision);

    /// <summary>
    /// Submits the rule with a clean-up proposal: from a draft, after a return (with the department's answer),
    /// or again after it passed (a new clean-up round).
    /// </summary>
    public RuleReview Submit(RuleProposal proposal, RuleProblem problems, string? explanation, string? answerToReturn,
        string? userId, string? userName, DateTime nowUtc)
    {
        if (Status is not (RuleStatus.Draft or RuleStatus.Returned or RuleStatus.Passed))
        {
            throw new DomainException($"“{Title}”当前状态为“{Status.Chinese()}”，不能报送。");
        }
        // 四(一)1: the legality review reads the document itself, so a submission carries its full text or the original.
        if (FullText is null && AttachmentPath is null)
        {
            throw new DomainException($"“{Title}”既没有全文也没有原文附件，法制审核无从审阅，不能报送。请填写全文或上传原文附件。");
        }
        if (Status == RuleStatus.Returned && string.IsNullOrWhiteSpace(answerToReturn))
        {
            throw new DomainException("重新报送前，请对法制审核的退回意见作出答复。");
        }
        if (proposal is (RuleProposal.Amend or RuleProposal.Repeal or RuleProposal.DeclareVoid) && problems == RuleProblem.None
            && string.IsNullOrWhiteSpace(explanation))
        {
            throw new DomainException($"清理意见为“{proposal.Chinese()}”时，请勾选存在的问题或填写清理说明。");
        }
        var review = new RuleReview(Id, _reviews.Count + 1, proposal, problems, explanation,
            Status == RuleStatus.Returned ? answerToReturn : null, userId, userName, nowUtc);
        _reviews.Add(review);
        Status = RuleStatus.UnderReview;
        return review;
    }

    /// <summary>The legal office's decision on the pending review.</summary>
    public LegalityReview Decide(LegalityDecision decision, string? opinion, string? reasons, string? userId, string? userName, DateTime nowUtc)
    {
        var pending = PendingReview ?? throw new DomainException($"“{Title}”没有待审核的报送。");
        var review = pending.Decide(decision, opinion, reasons, userId, userName, nowUtc);
        Status = decision == LegalityDecision.Return
            ? RuleStatus.Returned
            : pending.Proposal switch
            {
                RuleProposal.Keep or RuleProposal.Amend => RuleStatus.Passed,
                RuleProposal.Repeal => RuleStatus.Repealed,
                RuleProposal.DeclareVoid => RuleStatus.Void,
            };
        return review;
    }

    /// <summary>The date from which the rule applies: 施行日期, or the issue date when that is not known.</summary>
    public DateOnly? StartsOn => EffectiveOn ?? IssuedOn;

    /// <summary>In force on <paramref name="date"/>: started (or start unknown) and not past its term.</summary>
    public static bool InForce(DateOnly? startsOn, DateOnly? expiresOn, DateOnly date) =>
        (startsOn is null || startsOn <= date) && (expiresOn is null || expiresOn >= date);
}
