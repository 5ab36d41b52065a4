using System.Text.Json;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Workflows;

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

    public bool IsDraft => !IsPublished;

    public WorkflowBody Body => ParseBody(BodyJson);

    public static WorkflowBody ParseBody(string json) => JsonSerializer.Deserialize<WorkflowBody>(json, Json) ?? new WorkflowBody();

    /// <summary>Replaces the body of a draft. A published version never changes.</summary>
    public void Edit(string name, WorkflowBody body)
    {
        if (IsPublished)
        {
            throw new DomainException($"第 {Version} 版已发布，不能修改；请新建草稿。");
        }
        name = name?.Trim() ?? "";
        if (name.Length is < 2 or > 100)
        {
            throw new DomainException("流程名称应为2至100个字符。");
        }
        Name = name;
        BodyJson = JsonSerializer.Serialize(body, Json);
    }

    /// <summary>Publishes the draft after structural validation; refused with every fault listed.</summary>
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
        IsPublished = true;
        PublishedBy = publishedBy;
        PublishedUtc = nowUtc;
    }

    internal void NoLongerLatest() => IsLatest = false;
}
