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
    /// <summary>信息披露轮次 of a state asset: 1 for the first disclosure, one more for each re-disclosure after no buyer.</summary>
    public int DisclosureRound { get; private set; } = 1;
    /// <summary>The listing price (sum of the lots' prices) of the round before this one; null in the first round.</summary>
    public Money? PreviousListingPrice { get; private set; }
    /// <summary>The stored written consent of the approving body for a price below the consent threshold, if attached.</summary>
    public string? ListingConsentFile { get; private set; }
    /// <summary>挂牌价: the sum of the lots' prices.</summary>
    public Money ListingPrice => new(_lots.Sum(l => l.Price.Fen));

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
        BidDeadlineUtc = CheckBidDeadline(deadlineUtc, earliestUtc, basis);
        Touch();
    }

    /// <summary>A deadline earlier than the law allows is refused, naming the earliest lawful one and the basis.</summary>
    internal static DateTime CheckBidDeadline(DateTime deadlineUtc, DateTime earliestUtc, string basis)
    {
        if (deadlineUtc < earliestUtc)
        {
            var cited = string.IsNullOrWhiteSpace(basis) ? "" : $"（{basis}）";
            throw new DomainException($"投标截止时间不得早于 {ChinaTime.Format(earliestUtc)}{cited}。");
        }
        return deadlineUtc;
    }

    /// <summary>
    /// True once the lots move through the flow each on its own (from the flow's <c>LotsFromStep</c>, a project of two or
    /// more lots): the 3-bid rule, opening, evaluation, publicity, award and contract then apply per lot.
    /// </summary>
    public bool LotsMoveSeparately => _lots.Any(l => l.CurrentStep is not null);

    /// <summary>
    /// The project entered <paramref name="step"/>, where its lots part ways: each lot starts there with the project's
    /// bid period (the documents were issued and the deadline set for all of them). A single lot keeps moving with the project.
    /// </summary>
    internal void SeparateLots(string step)
    {
        if (_lots.Count < 2 || LotsMoveSeparately)
        {
            return;
        }
        foreach (var lot in _lots)
        {
            lot.Start(step, DocumentsIssuedUtc, BidDeadlineUtc);
        }
    }

    /// <summary>
    /// After a lot moved: the project stands where its least advanced open lot stands (the order of the flow's steps); when
    /// every lot is in a final step, in the first of those final steps (归档 before 终止).
    /// </summary>
    internal void FollowLots(List<string> stepOrder, Func<string, bool> isFinal)
    {
        if (!LotsMoveSeparately)
        {
            return;
        }
        int Order(string step) => stepOrder.IndexOf(step) is var i and >= 0 ? i : int.MaxValue;
        var steps = _lots.Select(l => l.CurrentStep!).ToList();
        var open = steps.Where(s => !isFinal(s)).ToList();
        CurrentStep = (open.Count > 0 ? open : steps).OrderBy(Order).First();
    }

    /// <summary>
    /// 重新披露 of a state asset after no buyer came forward: the lots' prices may be lowered; a new listing price below
    /// <see cref="TradingRules.StateAssetConsentBelowPercent"/> of the appraised value needs the approving body's written
    /// consent (<paramref name="consentFile"/>), or the re-disclosure is refused and nothing changes.
    /// </summary>
    public void Redisclose(IReadOnlyList<Money> lotPrices, string? consentFile, TradingRules rules)
    {
        if (TradeType != TradeType.StateAssetTransfer || AppraisedValue is not { } appraised)
        {
            throw new DomainException("只有国有产权转让项目可以重新信息披露。");
        }
        if (lotPrices.Count != _lots.Count)
        {
            throw new DomainException($"请为全部{_lots.Count}个标的填写新的挂牌价。");
        }
        if (lotPrices.Any(p => p.Fen <= 0))
        {
            throw new DomainException("挂牌价必须大于0。");
        }
        var current = ListingPrice;
        var total = new Money(lotPrices.Sum(p => p.Fen));
        if (total > current)
        {
            throw new DomainException($"重新披露的挂牌价合计 {total} 高于本轮挂牌价 {current}；未征集到受让方时只能维持或降低挂牌价。");
        }
        // 32号令 第18条: below 90% of the appraised value only with the approving body's written consent. Compared exactly.
        var below = total.Fen * 100m < appraised.Fen * rules.StateAssetConsentBelowPercent;
        if (below && string.IsNullOrWhiteSpace(consentFile))
        {
            throw new DomainException($"新的挂牌价合计 {total} 低于评估值 {appraised} 的{rules.StateAssetConsentBelowPercent:0.##}%，"
                + "须经转让行为批准单位书面同意（《企业国有资产交易监督管理办法》第十八条），请上传书面同意文件后再提交。");
        }
        var ordered = _lots.OrderBy(l => l.Number).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Reprice(lotPrices[i]);
        }
        PreviousListingPrice = current;
        DisclosureRound++;
        ListingConsentFile = below ? consentFile!.Trim() : null;
        NeedsBelowAppraisalConsent = below;
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
        else if (form.TradeType == TradeType.StateAssetTransfer && form.AppraisedValue is { } appraised
            && form.Lots.Sum(l => Math.Max(0, l.Price.Fen)) * 100m < appraised.Fen * rules.StateAssetFirstListingMinPercent)
        {
            // 企业国有资产交易监督管理办法 第12条: the first disclosure is not priced below the appraisal (registration is the first disclosure;
            // a lower price comes only with a re-disclosure, TradeProject.Redisclose).
            errors.Add(nameof(ProjectForm.AppraisedValue), $"首次信息披露的挂牌价合计 {new Money(form.Lots.Sum(l => Math.Max(0, l.Price.Fen)))} "
                + $"低于资产评估值 {appraised} 的{rules.StateAssetFirstListingMinPercent:0.##}%（《企业国有资产交易监督管理办法》第十二条）。");
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

    /// <summary>A new listing price on re-disclosure (<see cref="TradeProject.Redisclose"/>).</summary>
    internal void Reprice(Money price) => Price = price;

    /// <summary>
    /// The lot's own step once the lots of its project move separately (<see cref="TradeProject.LotsMoveSeparately"/>);
    /// null while it moves with the project.
    /// </summary>
    public string? CurrentStep { get; private set; }
    /// <summary>The lot's bid deadline once it moves on its own (a re-tendered lot gets a new one).</summary>
    public DateTime? BidDeadlineUtc { get; private set; }
    /// <summary>When the lot's tender documents were first issued in its current round (the anchor of its bid deadline).</summary>
    public DateTime? DocumentsIssuedUtc { get; private set; }
    /// <summary>A move of this lot waiting for the supervising department.</summary>
    public Guid? PendingApprovalId { get; private set; }

    internal void Start(string step, DateTime? documentsIssuedUtc, DateTime? bidDeadlineUtc)
    {
        CurrentStep = step;
        DocumentsIssuedUtc = documentsIssuedUtc;
        BidDeadlineUtc = bidDeadlineUtc;
    }

    /// <summary>The workflow engine moves the lot (only once it moves on its own).</summary>
    internal void EnterStep(string step) => CurrentStep = step ?? throw new ArgumentNullException(nameof(step));

    /// <summary>The lot was re-tendered alone: its documents are issued again now, its old deadline no longer holds.</summary>
    internal void StartBidPeriod(DateTime nowUtc)
    {
        DocumentsIssuedUtc = nowUtc;
        BidDeadlineUtc = null;
    }

    internal void SetBidDeadline(DateTime deadlineUtc, DateTime earliestUtc, string basis) =>
        BidDeadlineUtc = TradeProject.CheckBidDeadline(deadlineUtc, earliestUtc, basis);

    internal void AwaitApproval(Guid requestId)
    {
        if (PendingApprovalId is not null)
        {
            throw new DomainException($"“{Name}”已有待审批事项，请等待行政监督部门处理。");
        }
        PendingApprovalId = requestId;
    }

    internal void ApprovalDecided() => PendingApprovalId = null;
}

/// <summary>One move of a project through its workflow: the project's history (MudTimeline).</summary>
public class ProjectStepRecord
{
    private ProjectStepRecord() { }

    public ProjectStepRecord(Guid projectId, int sequence, string? fromStep, string toStep, string? trigger, string action,
        string? userName, string? role, DateTime atUtc, string? opinion, int? lotNumber = null)
    {
        LotNumber = lotNumber;
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
    /// <summary>The lot this record concerns once the lots move separately; null for the whole project.</summary>
    public int? LotNumber { get; private set; }
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
        string? requestedBy, DateTime nowUtc, string? note, int? lotNumber = null)
    {
        LotNumber = lotNumber;
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
    /// <summary>The lot whose move waits (lots moving separately); null for the whole project.</summary>
    public int? LotNumber { get; private set; }
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
