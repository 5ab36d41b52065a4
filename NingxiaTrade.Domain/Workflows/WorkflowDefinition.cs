using System.Text.Json;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Workflows;

/// <summary>Where a version that lowers statutory figures stands with the legal office (法制审核).</summary>
public enum LegalReviewStatus
{
    Pending = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>
/// One version of a transaction type's workflow. <see cref="DefinitionId"/> is stable across versions;
/// a draft becomes a published version; <see cref="IsLatest"/> marks the newest version (draft or not).
/// A running project keeps the version row it started with.
/// </summary>
public class WorkflowDefinition
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private WorkflowDefinition() { }

    public WorkflowDefinition(string definitionId, TradeType tradeType, TradeMethod tradeMethod, int version, string name, WorkflowBody body, string? createdBy, DateTime nowUtc)
    {
        if (!TradeMethods.For(tradeType).Contains(tradeMethod))
        {
            throw new DomainException($"{tradeType.Chinese()}不采用{tradeMethod.Chinese()}方式。");
        }
        Id = Guid.NewGuid();
        DefinitionId = definitionId;
        TradeType = tradeType;
        TradeMethod = tradeMethod;
        Version = version;
        Name = name;
        BodyJson = JsonSerializer.Serialize(body, Json);
        CreatedBy = createdBy;
        CreatedUtc = nowUtc;
        IsLatest = true;
    }

    public Guid Id { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public TradeType TradeType { get; private set; }
    /// <summary>The trade method (交易方式) the flow is for: a project runs the flow of its own type and method.</summary>
    public TradeMethod TradeMethod { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsPublished { get; private set; }
    public bool IsLatest { get; private set; }
    public string BodyJson { get; private set; } = "";
    public string? CreatedBy { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime? PublishedUtc { get; private set; }
    public string? PublishedBy { get; private set; }

    /// <summary>Null unless the version lowers a statutory figure (<see cref="StatutoryFigures"/>).</summary>
    public LegalReviewStatus? LegalReview { get; private set; }
    /// <summary>What the version lowers, one item per line, as the legal officer reads it.</summary>
    public string? LegalReviewReasons { get; private set; }
    public string? LegalOpinion { get; private set; }
    public string? LegalReviewedBy { get; private set; }
    public DateTime? LegalReviewedUtc { get; private set; }

    public bool IsDraft => !IsPublished;

    public IReadOnlyList<string> LegalReviewItems => LegalReviewReasons?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>
    /// A draft that lowers statutory figures waits for a LegalOfficer instead of publishing; it cannot change meanwhile.
    /// </summary>
    public void RequestLegalReview(IReadOnlyList<string> lowerings)
    {
        if (IsPublished)
        {
            throw new DomainException($"第 {Version} 版已经发布。");
        }
        if (LegalReview == LegalReviewStatus.Pending)
        {
            throw new DomainException("该版本已提交法制审核，请等待审核结果。");
        }
        var faults = WorkflowValidator.Validate(Body);
        if (faults.Count > 0)
        {
            throw new DomainException("流程存在以下问题，不能发布：" + string.Join("；", faults));
        }
        LegalReview = LegalReviewStatus.Pending;
        LegalReviewReasons = string.Join('\n', lowerings);
        LegalOpinion = null;
        LegalReviewedBy = null;
        LegalReviewedUtc = null;
    }

    /// <summary>The legal officer's written decision; approval publishes the version.</summary>
    public void DecideLegalReview(bool approve, string opinion, string reviewedBy, DateTime nowUtc)
    {
        if (LegalReview != LegalReviewStatus.Pending)
        {
            throw new DomainException("该版本不在待法制审核状态。");
        }
        opinion = opinion?.Trim() ?? "";
        if (opinion.Length is < 10 or > 2000)
        {
            throw new DomainException("请填写书面审核意见（10至2000个字符），写明同意或不同意调低的理由和依据。");
        }
        LegalOpinion = opinion;
        LegalReviewedBy = reviewedBy;
        LegalReviewedUtc = nowUtc;
        LegalReview = approve ? LegalReviewStatus.Approved : LegalReviewStatus.Returned;
        if (approve)
        {
            Publish(reviewedBy, nowUtc);
        }
    }

    public WorkflowBody Body => ParseBody(BodyJson);

    public static WorkflowBody ParseBody(string json) => JsonSerializer.Deserialize<WorkflowBody>(json, Json) ?? new WorkflowBody();

    /// <summary>Replaces the body of a draft. A published version never changes.</summary>
    public void Edit(string name, WorkflowBody body)
    {
        if (IsPublished)
        {
            throw new DomainException($"第 {Version} 版已发布，不能修改；请新建草稿。");
        }
        if (LegalReview == LegalReviewStatus.Pending)
        {
            throw new DomainException($"第 {Version} 版调低了法定期限或条件，已提交法制审核，审核完成前不能修改。");
        }
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            throw new DomainException("流程名称应为2至100个字符。");
        }
        Name = name;
        BodyJson = JsonSerializer.Serialize(body, Json);
    }

    /// <summary>
    /// Publishes the draft after structural validation; refused with every fault listed. A version that lowers a
    /// statutory figure publishes only through <see cref="DecideLegalReview"/>.
    /// </summary>
    public void Publish(string? publishedBy, DateTime nowUtc)
    {
        if (IsPublished)
        {
            throw new DomainException($"第 {Version} 版已经发布。");
        }
        var faults = WorkflowValidator.Validate(Body);
        if (faults.Count > 0)
        {
            throw new DomainException("流程存在以下问题，不能发布：" + string.Join("；", faults));
        }
        if (StatutoryFigures.Lowerings(Body, TradeType, TradeMethod) is { Count: > 0 } lowered && LegalReview != LegalReviewStatus.Approved)
        {
            throw new DomainException("该版本调低了法定期限或条件，须经法制审核同意后发布：" + string.Join("；", lowered));
        }
        IsPublished = true;
        PublishedBy = publishedBy;
        PublishedUtc = nowUtc;
    }

    internal void NoLongerLatest() => IsLatest = false;
}
