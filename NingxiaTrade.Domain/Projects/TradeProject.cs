using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Projects;

/// <summary>The registration data of a project, as entered on the registration screen.</summary>
public sealed record ProjectForm(
    string Name,
    string RegionCode,
    int TradingCentreId,
    TradeType TradeType,
    TradeMethod TradeMethod,
    Guid TendererEntityId,
    string? AgentName,
    int SupervisingDepartmentId,
    Money Estimate,
    Money? AppraisedValue,
    string? FundSource,
    string? ApprovalDocumentNumber,
    IReadOnlyList<LotForm> Lots);

public sealed record LotForm(string Name, Money Price, Money Deposit, string? Classification);

/// <summary>
/// The tenderer of a project as the market-entity registry knows it (招标人、采购人、转让方、出让人): an approved entity,
/// resolved by the registration service, whose name the project keeps as a snapshot.
/// </summary>
public sealed record ProjectTenderer(Guid EntityId, string Name);

/// <summary>
/// A trading project (交易项目) with its lots. Its workflow state is <see cref="CurrentStep"/> of the
/// definition version it started with (<see cref="WorkflowDefinitionId"/>), never a newer one.
/// </summary>
public class TradeProject
{
    private readonly List<Lot> _lots = [];

    private TradeProject() { }

    public TradeProject(string code, ProjectForm form, ProjectTenderer tenderer, TradingRules rules, Guid workflowDefinitionId, string initialStep,
        string? createdByUserId, string? tendererUserId, string? agentUserId, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        Code = code;
        TradeType = form.TradeType;
        WorkflowDefinitionId = workflowDefinitionId;
        CurrentStep = initialStep;
        CreatedByUserId = createdByUserId;
        TendererUserId = tendererUserId;
        AgentUserId = agentUserId;
        CreatedUtc = nowUtc;
        Apply(form, tenderer, rules);
    }

    public Guid Id { get; private set; }
    /// <summary>项目编号, e.g. 640100-2026-GC-0001.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string RegionCode { get; private set; } = "";
    public int TradingCentreId { get; private set; }
    public TradeType TradeType { get; private set; }
    public TradeMethod TradeMethod { get; private set; }
    /// <summary>The tenderer's name when the project was registered or last edited (a snapshot of the registry's name).</summary>
    public string TendererName { get; private set; } = "";
    /// <summary>
    /// The tenderer's market entity. Set on every registration and edit; null only on projects registered before the
    /// tenderer was picked from the registry (free text then), until they are edited.
    /// </summary>
    public Guid? TendererEntityId { get; private set; }
    public string? TendererUserId { get; private set; }
    public string? AgentName { get; private set; }
    public string? AgentUserId { get; private set; }
    public int SupervisingDepartmentId { get; private set; }
    /// <summary>Estimate (估算价) or budget (预算金额) of the whole project.</summary>
    public Money Estimate { get; private set; }
    /// <summary>Appraised value (评估值) of a state asset transfer.</summary>
    public Money? AppraisedValue { get; private set; }
    public string? FundSource { get; private set; }
    public string? ApprovalDocumentNumber { get; private set; }
    /// <summary>A state asset listed under the consent threshold of the appraised value (32号令).</summary>
    public bool NeedsBelowAppraisalConsent { get; private set; }

    public Guid WorkflowDefinitionId { get; private set; }
    public string CurrentStep { get; private set; } = "";
    public Guid? PendingApprovalId { get; private set; }
    public DateTime? BidDeadlineUtc { get; private set; }
    /// <summary>
    /// When the tender documents were first issued in the current round (招标文件开始发出之日): set when the project enters
    /// the step its flow's bid-deadline rule counts from, cleared with the deadline by a re-tender. The anchor of the
    /// 20-day lead time (《招标投标法》第二十四条).
    /// </summary>
    public DateTime? DocumentsIssuedUtc { get; private set; }
    /// <summary>Why every move is held (暂停), e.g. an objection to the result is open (《招标投标法实施条例》第五十四条第二款); null when not.</summary>
    public string? SuspendedReason { get; private set; }
    public DateTime? SuspendedUtc { get; private set; }
    public string? SuspendedBy { get; private set; }
    public bool IsSuspended => SuspendedReason is not null;
    /// <summary>Optimistic concurrency: bumped by every change, so two people firing at once cannot both win.</summary>
    public int Revision { get; private set; }

    public string? CreatedByUserId { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    public IReadOnlyList<Lot> Lots => _lots;

    public void Edit(ProjectForm form, ProjectTenderer tenderer, TradingRules rules)
    {
        if (form.TradeType != TradeType)
        {
            throw new DomainException("项目登记后不能更改交易类型。");
        }
        Apply(form, tenderer, rules);
        Touch();
    }

    internal void Touch() => Revision++;

    /// <summary>The workflow engine moves the project to <paramref name="step"/> (the state machine's only way to change it).</summary>
    internal void EnterStep(string step) => CurrentStep = step;

    /// <summary>A move waits for the supervising department's decision on <paramref name="requestId"/>.</summary>
    internal void AwaitApproval(Guid requestId)
    {
        if (PendingApprovalId is not null)
        {
            throw new DomainException("该项目已有待审批事项，请等待行政监督部门处理。");
        }
        PendingApprovalId = requestId;
        Touch();
    }

    /// <summary>The pending request was decided; the project no longer waits.</summary>
    internal void ApprovalDecided() => PendingApprovalId = null;

    /// <summary>
    /// The project entered the step the bid deadline counts from: the documents are issued now, and any deadline of an
    /// earlier round no longer holds (a re-tender sets a new one).
    /// </summary>
    internal void StartBidPeriod(DateTime nowUtc)
    {
        DocumentsIssuedUtc = nowUtc;
        BidDeadlineUtc = null;
    }

    /// <summary>Holds every move until <see cref="Resume"/> (暂停).</summary>
    public void Suspend(string reason, string by, DateTime nowUtc)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length is < 4 or > 500)
        {
            throw new DomainException("请填写暂停原因（4至500个字符），如 “收到对评标结果的异议，答复前暂停”。");
        }
        if (IsSuspended)
        {
            throw new DomainException($"项目已于 {ChinaTime.Format(SuspendedUtc)} 暂停：{SuspendedReason}");
        }
        SuspendedReason = reason;
        SuspendedUtc = nowUtc;
        SuspendedBy = by;
        Touch();
    }

    public void Resume()
    {
        if (!IsSuspended)
        {
            throw new DomainException("项目未暂停，无需恢复。");
        }
        SuspendedReason = null;
        SuspendedUtc = null;
        SuspendedBy = null;
        Touch();
    }

    public void SetBidDeadline(DateTime deadlineUtc, DateTime earliestUtc, string basis)
    {
        if (deadlineUtc < earliestUtc)
        {
            var cited = string.IsNullOrWhiteSpace(basis) ? "" : $"（{basis}）";
            throw new DomainException($"投标截止时间不得早于 {ChinaTime.Format(earliestUtc)}{cited}。");
        }
        BidDeadlineUtc = deadlineUtc;
        Touch();
    }

    /// <summary>
    /// Every rule of the registration form, all checked at once: the refusal names each wrong field
    /// (<see cref="FormValidationException"/>), so the screen marks them together instead of one per attempt.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(ProjectForm form, TradingRules rules)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new FormErrors();
        var name = form.Name?.Trim() ?? "";
        if (name.Length is < 4 or > 200)
        {
            errors.Add(nameof(ProjectForm.Name), "项目名称应为4至200个字符。");
        }
        if (!Regions.IsKnown(form.RegionCode))
        {
            errors.Add(nameof(ProjectForm.RegionCode), "请选择项目所在的行政区划（宁夏回族自治区或其地级市）。");
        }
        if (!TradeMethods.For(form.TradeType).Contains(form.TradeMethod))
        {
            errors.Add(nameof(ProjectForm.TradeMethod), $"{form.TradeType.Chinese()}不能采用“{form.TradeMethod.Chinese()}”方式。");
        }
        if (form.TendererEntityId == Guid.Empty)
        {
            errors.Add(nameof(ProjectForm.TendererEntityId), $"请从市场主体库中选择{TradeMethods.TendererName(form.TradeType)}。");
        }
        var priceName = TradeMethods.PriceName(form.TradeType);
        if (form.Estimate.Fen <= 0)
        {
            errors.Add(nameof(ProjectForm.Estimate), $"项目{priceName}必须大于0。");
        }
        if (form.TradeType == TradeType.StateAssetTransfer && form.AppraisedValue is not { Fen: > 0 })
        {
            errors.Add(nameof(ProjectForm.AppraisedValue), "国有产权转让项目必须填写资产评估值。");
        }
        var lotName = TradeMethods.LotName(form.TradeType);
        if (form.Lots.Count == 0)
        {
            errors.Add(nameof(ProjectForm.Lots), $"项目至少应有一个{lotName}。");
        }
        else if (form.Lots.Count > 200)
        {
            errors.Add(nameof(ProjectForm.Lots), $"一个项目最多200个{lotName}。");
        }
        for (var i = 0; i < form.Lots.Count; i++)
        {
            Lot.Check(i + 1, form.Lots[i], form.TradeType, rules, errors, $"{nameof(ProjectForm.Lots)}[{i}].");
        }
        var lotTotal = form.Lots.Sum(l => Math.Max(0, l.Price.Fen));
        if (form.Estimate.Fen > 0 && lotTotal > form.Estimate.Fen)
        {
            // The lots divide the project: together they cannot be worth more than the whole.
            errors.Add(nameof(ProjectForm.Estimate),
                $"各{lotName}{priceName}合计 {new Money(lotTotal)} 超过项目{priceName} {form.Estimate}，请核对。");
        }
        return errors.All;
    }

    private void Apply(ProjectForm form, ProjectTenderer tenderer, TradingRules rules)
    {
        var errors = Check(form, rules);
        if (errors.Count > 0)
        {
            throw new FormValidationException(errors);
        }
        var tendererName = tenderer.Name?.Trim() ?? "";
        if (tenderer.EntityId != form.TendererEntityId || tendererName.Length is < 2 or > 200)
        {
            throw new DomainException($"{TradeMethods.TendererName(form.TradeType)}与所选市场主体不一致，请重新选择。");
        }
        var lots = form.Lots.Select((l, i) => new Lot(i + 1, l)).ToList();
        var consent = false;
        if (form.TradeType == TradeType.StateAssetTransfer && form.AppraisedValue is { } appraised)
        {
            // 国资委 财政部令第32号: a price below 90% of the appraised value needs written consent. Compared
            // exactly (price × 100 < appraised × 90), not against a threshold rounded to the fen.
            consent = lots.Sum(l => l.Price.Fen) * 100m < appraised.Fen * rules.StateAssetConsentBelowPercent;
        }
        Name = form.Name.Trim();
        RegionCode = form.RegionCode;
        TradingCentreId = form.TradingCentreId;
        TradeMethod = form.TradeMethod;
        TendererEntityId = tenderer.EntityId;
        TendererName = tendererName;
        AgentName = string.IsNullOrWhiteSpace(form.AgentName) ? null : form.AgentName.Trim();
        SupervisingDepartmentId = form.SupervisingDepartmentId;
        Estimate = form.Estimate;
        AppraisedValue = form.AppraisedValue;
        FundSource = string.IsNullOrWhiteSpace(form.FundSource) ? null : form.FundSource.Trim();
        ApprovalDocumentNumber = string.IsNullOrWhiteSpace(form.ApprovalDocumentNumber) ? null : form.ApprovalDocumentNumber.Trim();
        NeedsBelowAppraisalConsent = consent;
        _lots.Clear();
        _lots.AddRange(lots);
    }
}

/// <summary>A lot (标段 / 采购包 / 标的 / 宗地 / 品种组) of a project.</summary>
public class Lot
{
    private Lot() { }

    /// <summary>A lot whose form passed <see cref="Check"/>.</summary>
    internal Lot(int number, LotForm form)
    {
        Id = Guid.NewGuid();
        Number = number;
        Name = form.Name.Trim();
        Price = form.Price;
        Deposit = form.Deposit;
        Classification = string.IsNullOrWhiteSpace(form.Classification) ? null : form.Classification.Trim();
    }

    /// <summary>The rules of one lot's form; errors are recorded under <paramref name="prefix"/> (<c>Lots[0].</c>).</summary>
    internal static void Check(int number, LotForm form, TradeType type, TradingRules rules, FormErrors errors, string prefix)
    {
        var label = $"第{number}{TradeMethods.LotName(type)}";
        var name = form.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 200)
        {
            errors.Add(prefix + nameof(LotForm.Name), $"{label}：名称应为2至200个字符。");
        }
        if (form.Price.Fen <= 0)
        {
            errors.Add(prefix + nameof(LotForm.Price), $"{label}：{TradeMethods.PriceName(type)}必须大于0。");
        }
        if (form.Deposit.Fen < 0)
        {
            errors.Add(prefix + nameof(LotForm.Deposit), $"{label}：保证金不能为负数。");
        }
        switch (type)
        {
            case TradeType.EngineeringBidding when form.Deposit > form.Price.PercentOf(rules.EngineeringDepositCapPercent):
                // 招标投标法实施条例 第26条
                errors.Add(prefix + nameof(LotForm.Deposit), $"{label}：投标保证金 {form.Deposit} 超过估算价的{rules.EngineeringDepositCapPercent}%（{form.Price.PercentOf(rules.EngineeringDepositCapPercent)}）（《招标投标法实施条例》第二十六条）。");
                break;
            case TradeType.GovernmentProcurement when form.Deposit > form.Price.PercentOf(rules.ProcurementDepositCapPercent):
                // 政府采购法实施条例 第33条
                errors.Add(prefix + nameof(LotForm.Deposit), $"{label}：投标保证金 {form.Deposit} 超过预算金额的{rules.ProcurementDepositCapPercent}%（{form.Price.PercentOf(rules.ProcurementDepositCapPercent)}）（《政府采购法实施条例》第三十三条）。");
                break;
        }
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Estimate, budget, listing price, reserve price or maximum valid price, by type.</summary>
    public Money Price { get; private set; }
    public Money Deposit { get; private set; }
    public string? Classification { get; private set; }
}

/// <summary>One move of a project through its workflow: the project's history (MudTimeline).</summary>
public class ProjectStepRecord
{
    private ProjectStepRecord() { }

    public ProjectStepRecord(Guid projectId, int sequence, string? fromStep, string toStep, string? trigger, string action,
        string? userName, string? role, DateTime atUtc, string? opinion)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        Sequence = sequence;
        FromStep = fromStep;
        ToStep = toStep;
        Trigger = trigger;
        Action = action;
        UserName = userName;
        Role = role;
        AtUtc = atUtc;
        Opinion = opinion;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Sequence { get; private set; }
    public string? FromStep { get; private set; }
    public string ToStep { get; private set; } = "";
    public string? Trigger { get; private set; }
    public string Action { get; private set; } = "";
    public string? UserName { get; private set; }
    public string? Role { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? Opinion { get; private set; }
}

public enum ApprovalStatus
{
    Pending = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>A move waiting in the supervising department's inbox (待审批).</summary>
public class ApprovalRequest
{
    private ApprovalRequest() { }

    public ApprovalRequest(Guid projectId, int departmentId, string trigger, string action, string fromStep, string toStep,
        string? requestedBy, DateTime nowUtc, string? note)
    {
        Id = Guid.NewGuid();
        ProjectId = projectId;
        SupervisingDepartmentId = departmentId;
        Trigger = trigger;
        Action = action;
        FromStep = fromStep;
        ToStep = toStep;
        RequestedBy = requestedBy;
        RequestedUtc = nowUtc;
        RequestNote = note;
        Status = ApprovalStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int SupervisingDepartmentId { get; private set; }
    public string Trigger { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string FromStep { get; private set; } = "";
    public string ToStep { get; private set; } = "";
    public string? RequestedBy { get; private set; }
    public DateTime RequestedUtc { get; private set; }
    public string? RequestNote { get; private set; }
    public ApprovalStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    /// <summary>The account that decided, for its 已办 list (<see cref="DecidedBy"/> is the name people read).</summary>
    public string? DecidedByUserId { get; private set; }
    public DateTime? DecidedUtc { get; private set; }
    public string? Opinion { get; private set; }

    public void Decide(bool approve, string opinion, string? decidedByUserId, string? decidedBy, DateTime nowUtc)
    {
        if (Status != ApprovalStatus.Pending)
        {
            throw new DomainException("该审批事项已处理。");
        }
        opinion = opinion?.Trim() ?? "";
        if (opinion.Length is < 2 or > 2000)
        {
            throw new DomainException("请填写审批意见（2至2000个字符）。");
        }
        Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Returned;
        Opinion = opinion;
        DecidedBy = decidedBy;
        DecidedByUserId = decidedByUserId;
        DecidedUtc = nowUtc;
    }
}
