using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Experts;

/// <summary>Settings of the draw (section <c>Experts:Draw</c>).</summary>
public sealed class ExpertDrawSettings
{
    /// <summary>How long a replacement has to answer (never past the session start).</summary>
    public TimeSpan ReplacementAnswerWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// Smallest committee for a tender (招标): 招标投标法 第37条 (评标委员会成员人数为五人以上单数); 财政部令第87号 第47条
    /// (政府采购公开招标、邀请招标的评标委员会成员人数应当为5人以上单数); 国土资源部令第39号 第13条 (招标出让的评标小组五人以上单数).
    /// </summary>
    public int TenderCommitteeMinimum { get; set; } = 5;

    /// <summary>
    /// Smallest panel for negotiation, consultation and quotation: 财政部令第74号 第7条 (竞争性谈判小组或者询价小组由采购人代表和评审专家共3人以上单数组成);
    /// 财库〔2014〕214号 第14条 (磋商小组 3人以上单数).
    /// </summary>
    public int NegotiationCommitteeMinimum { get; set; } = 3;

    /// <summary>The same articles require an odd number (单数), so a committee cannot tie.</summary>
    public bool CommitteeMustBeOdd { get; set; } = true;

    /// <summary>The smallest committee for the lot's type and method; null where the method has no expert evaluation.</summary>
    public int? CommitteeMinimum(TradeType type, TradeMethod method) => (type, method) switch
    {
        (TradeType.EngineeringBidding, TradeMethod.OpenTender or TradeMethod.InvitedTender) => TenderCommitteeMinimum,
        (TradeType.GovernmentProcurement, TradeMethod.OpenTender or TradeMethod.InvitedTender) => TenderCommitteeMinimum,
        (TradeType.GovernmentProcurement, TradeMethod.CompetitiveNegotiation or TradeMethod.CompetitiveConsultation or TradeMethod.RequestForQuotation)
            => NegotiationCommitteeMinimum,
        // 国土资源部令第39号 第13条: land offered by tender (招标出让) is evaluated by a committee; listing and auction are not.
        (TradeType.LandAndMiningRights, TradeMethod.OpenTender) => TenderCommitteeMinimum,
        // Listing, auction and online bidding of state assets and land, and volume-based drug procurement, pick no experts.
        _ => null,
    };
}

/// <summary>A draw refused because a specialty has too few eligible experts; carries what each rule removed.</summary>
public sealed class DrawRefusedException(string message, IReadOnlyList<GroupOutcome> outcomes) : DomainException(message)
{
    public IReadOnlyList<GroupOutcome> Outcomes { get; } = outcomes;
}

/// <summary>The eligible pool of one specialty group and who each rule removed.</summary>
public sealed record GroupOutcome(int Index, string SpecialtyCode, string SpecialtyName, int Count, int Backups,
    int CandidatesBeforeRules, Guid[] SortedPool, string PoolHash, Dictionary<RecusalRule, List<Guid>> Removed);

/// <summary>
/// 专家抽取 (实施方案 四(五)): draws a committee for a lot, keeps it confidential, handles answers and replacements,
/// and lets a supervisor re-verify a draw from its record.
/// </summary>
public sealed class ExpertDrawService(IDbContextFactory<TradeDbContext> contexts, ICurrentUser user, TimeProvider time,
    IDrawSeedSource seeds, ExpertDrawSettings settings, IProjectDirectory projects, IMarketEntityDirectory entities, CreditGate gate,
    INotifier? notifier = null) : IExpertCommittee
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Runs a draw. Refuses with <see cref="DrawRefusedException"/> when a specialty has too few eligible experts.</summary>
    public async Task<Guid> DrawAsync(DrawRequest request, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        Validate(request);
        var now = Now;
        var lot = await FindLotAsync(request.LotId, cancellationToken);
        CheckDrawable(lot, request, now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.SupervisingDepartments.AsNoTracking().Where(d => d.Id == lot.Project.SupervisingDepartmentId)
            .Select(d => d.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var subject = new DrawSubject(lot.Lot.Id, lot.Project.Id, lot.Project.Code, lot.Project.Name, lot.Lot.Name, lot.Project.RegionCode,
            lot.Project.TendererName, lot.Project.AgentName, lot.Project.TendererUserId, lot.Project.AgentUserId, lot.Project.TradeType, department);
        if (await db.ExpertDraws.AsNoTracking().Where(d => d.LotId == subject.LotId && d.EvaluationEndUtc > now)
                .Select(d => (DateTime?)d.EvaluationStartUtc).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            throw new DomainException($"该{TradeMethods.LotName(lot.Project.TradeType)}已抽取过评标专家（评标时间 {ChinaTime.Format(existing)}），"
                + "不能再次抽取；专家拒绝或未答复时由系统从原抽取记录中替补。");
        }
        var parties = await PartyEntitiesAsync(lot.Project, cancellationToken);
        var bidderChoices = await BidderChoicesAsync(lot.Project, parties, now, cancellationToken);
        var refusedBidders = bidderChoices.Excluded.Where(x => request.BidderEntityIds.Contains(x.Id)).ToList();
        var unknownBidders = request.BidderEntityIds.Distinct().Count(id => bidderChoices.Allowed.All(a => a.Id != id) && refusedBidders.All(x => x.Id != id));
        if (refusedBidders.Count > 0 || unknownBidders > 0)
        {
            var reasons = refusedBidders.Select(x => $"{x.Name}（{x.Reason}）").ToList();
            if (unknownBidders > 0)
            {
                reasons.Add($"{unknownBidders}家未在市场主体库中登记并通过审核的单位");
            }
            throw new DomainException("以下单位不能作为本项目的投标人：" + string.Join("；", reasons) + "。");
        }
        var inputs = new DrawInputs(subject.TendererName, subject.AgentName, subject.RegionCode, parties, request.BidderEntityIds,
            request.EvaluationStartUtc, request.EvaluationEndUtc, request.IsRemote, request.Rules, now, request.Groups,
            subject.TradeType, subject.SupervisingDepartmentName);
        var (facts, outcomes) = await EvaluateAsync(db, inputs, cancellationToken);

        var picked = new HashSet<Guid>();
        var shortages = new List<string>();
        var picksByGroup = new List<Guid[]>();
        var seed = seeds.NextSeed();
        if (seed.Length != DrawAlgorithm.SeedLength)
        {
            throw new InvalidOperationException("Seed source returned a seed of the wrong length.");
        }
        foreach (var outcome in outcomes)
        {
            var candidates = outcome.SortedPool.Where(id => !picked.Contains(id)).ToList();
            var needed = outcome.Count + outcome.Backups;
            if (candidates.Count < needed)
            {
                shortages.Add($"专业“{outcome.SpecialtyName}”（{outcome.SpecialtyCode}）符合条件的专家仅{candidates.Count}人，少于需抽取的{needed}人（含备选{outcome.Backups}人）");
                picksByGroup.Add([]);
                continue;
            }
            var picks = DrawAlgorithm.Picks(seed, outcome.Index, candidates, needed);
            picked.UnionWith(picks);
            picksByGroup.Add(picks);
        }
        if (shortages.Count > 0)
        {
            throw new DrawRefusedException("不能抽取：" + string.Join("；", shortages) + "。请调整抽取人数、回避规则或专业后重试。", outcomes);
        }

        var names = await db.Experts.Where(e => picked.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var draw = new ExpertDraw(subject, request, facts, seed, user.UserId ?? "", user.ActorName(), now);
        foreach (var outcome in outcomes)
        {
            var group = new DrawGroup(draw.Id, outcome.Index, outcome.SpecialtyCode, outcome.SpecialtyName, outcome.Count, outcome.Backups,
                outcome.SortedPool, outcome.PoolHash, outcome.CandidatesBeforeRules, outcome.Removed);
            draw.AddGroup(group, picksByGroup[outcome.Index], id => names[id], now);
        }
        db.ExpertDraws.Add(draw);
        await notifier.InvitedAsync(db, draw, draw.Members, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return draw.Id;
    }

    private static void Validate(DrawRequest request)
    {
        if (request.Groups.Count is 0 or > 20)
        {
            throw new DomainException("请至少选择一个专业（最多20个）。");
        }
        if (request.Groups.Any(g => g.Count < 1 || g.Backups < 0 || g.Count + g.Backups > 100))
        {
            throw new DomainException("每个专业的抽取人数至少1人，备选人数不能为负，合计不超过100人。");
        }
        if (request.Groups.Select(g => g.SpecialtyCode).Distinct().Count() != request.Groups.Count)
        {
            throw new DomainException("同一专业只能填写一次。");
        }
        if (request.EvaluationEndUtc <= request.EvaluationStartUtc)
        {
            throw new DomainException("评标结束时间应晚于开始时间。");
        }
        if (request.ResponseDeadlineUtc > request.EvaluationStartUtc)
        {
            throw new DomainException("专家答复截止时间不能晚于评标开始时间。");
        }
        if (string.IsNullOrWhiteSpace(request.Place))
        {
            throw new DomainException("请填写评标地点。");
        }
        request.Rules.Validate();
    }

    /// <summary>The lot through the projects module's scope: another centre's lot is refused like an unknown one.</summary>
    private async Task<ProjectLot> FindLotAsync(Guid lotId, CancellationToken cancellationToken) =>
        await projects.FindLotAsync(lotId, cancellationToken) ?? throw new NotFoundException("未找到该标段（包）。");

    /// <summary>Refuses a draw the lot's project, method or timing does not allow.</summary>
    private void CheckDrawable(ProjectLot lot, DrawRequest request, DateTime nowUtc)
    {
        var project = lot.Project;
        var lotName = TradeMethods.LotName(project.TradeType);
        if (project.IsClosed || lot.Lot.IsClosed)
        {
            throw new DomainException(project.IsClosed
                ? $"项目“{project.Name}”已{project.CurrentStepName}，不能再抽取评标专家。"
                : $"{lot.Lot.Name}已{lot.Lot.CurrentStepName}，不能再抽取评标专家。");
        }
        if (settings.CommitteeMinimum(project.TradeType, project.TradeMethod) is not { } minimum)
        {
            throw new DomainException($"{project.TradeType.Chinese()}项目采用“{project.TradeMethod.Chinese()}”方式，不组建评标委员会（评审小组），无需抽取评标专家。");
        }
        // The lot's own deadline once the lots move separately (a lot re-tendered alone has a new one).
        if (lot.Lot.BidDeadlineUtc is not { } deadline)
        {
            throw new DomainException($"该项目尚未设定投标截止时间；评标只能在投标截止之后进行，请先设定投标截止时间再抽取专家。");
        }
        if (request.EvaluationStartUtc <= deadline)
        {
            throw new DomainException($"评标开始时间应晚于本{lotName}的投标截止时间 {ChinaTime.Format(deadline)}。");
        }
        if (request.EvaluationStartUtc <= nowUtc)
        {
            throw new DomainException("评标开始时间应晚于当前时间。");
        }
        var members = request.Groups.Sum(g => g.Count);
        if (members < minimum || (settings.CommitteeMustBeOdd && members % 2 == 0))
        {
            var basis = minimum == settings.NegotiationCommitteeMinimum && minimum != settings.TenderCommitteeMinimum
                ? "《政府采购非招标采购方式管理办法》第七条" : "《招标投标法》第三十七条、《政府采购货物和服务招标投标管理办法》第四十七条";
            throw new DomainException($"{project.TradeMethod.Chinese()}的评标委员会（评审小组）应为{minimum}人以上{(settings.CommitteeMustBeOdd ? "单数" : "")}"
                + $"（{basis}），本次抽取{members}人。");
        }
    }

    /// <summary>Registered entities named as the project's tenderer or agent.</summary>
    private async Task<IReadOnlyList<Guid>> PartyEntitiesAsync(ProjectSummary project, CancellationToken cancellationToken)
    {
        var names = new[] { project.TendererName, project.AgentName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        return (await entities.FindByNamesAsync(names, cancellationToken)).Select(e => e.Id).ToList();
    }

    /// <summary>
    /// Who may be named as a bidder of the project (for recusal): approved entities, neither banned for the type (联合惩戒,
    /// <see cref="CreditGate"/>), nor the tenderer or agent, nor an organisation registered only as a tenderer or agency.
    /// </summary>
    private async Task<BidderChoices> BidderChoicesAsync(ProjectSummary project, IReadOnlyList<Guid> parties, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var approved = await entities.ApprovedAsync(500, cancellationToken);
        var ids = approved.Select(e => e.Id).ToList();
        var gateResults = await gate.CheckManyAsync(ids, project.TradeType, ChinaTime.DateOf(nowUtc), cancellationToken);
        var nonBidders = await entities.NonBiddersAsync(ids, cancellationToken);
        var allowed = new List<EntityChoice>();
        var excluded = new List<ExcludedBidder>();
        foreach (var e in approved)
        {
            // 招标投标法实施条例 第13条, 第34条: the tenderer and its agency cannot bid in the project.
            string? reason = parties.Contains(e.Id) || e.Name == project.TendererName || e.Name == project.AgentName ? "本项目的招标人或招标代理机构"
                : gateResults.TryGetValue(e.Id, out var g) && !g.Allowed ? g.Reason
                : nonBidders.TryGetValue(e.Id, out var why) ? why
                : null;
            if (reason is null)
            {
                allowed.Add(new EntityChoice(e.Id, e.Name));
            }
            else
            {
                excluded.Add(new ExcludedBidder(e.Id, e.Name, reason));
            }
        }
        return new BidderChoices(allowed, excluded);
    }

    /// <summary>Everything the eligibility of a draw depends on; recorded with the draw so it can be rebuilt.</summary>
    internal sealed record DrawInputs(string TendererName, string? AgentName, string RegionCode, IReadOnlyList<Guid> PartyEntities,
        IReadOnlyList<Guid> Bidders, DateTime EvaluationStartUtc, DateTime EvaluationEndUtc, bool IsRemote, RecusalSettings Rules,
        DateTime AsOfUtc, IReadOnlyList<DrawGroupRequest> Groups, TradeType TradeType, string SupervisingDepartmentName);

    /// <summary>Loads the facts in a handful of set queries and filters a compact projection of the pool in memory.</summary>
    private async Task<(RecusalFacts Facts, List<GroupOutcome> Outcomes)> EvaluateAsync(TradeDbContext db, DrawInputs inputs, CancellationToken cancellationToken)
    {
        var bidders = inputs.Bidders.Distinct().ToList();
        var bidderRows = await entities.GetManyAsync(bidders, cancellationToken);
        // The relations the rule names (RecusalSettings.Describe): same legal representative, same bank account.
        var linked = new HashSet<Guid>(await entities.RelatedAsync(bidders, [EntityRelation.LegalRepresentative, EntityRelation.BankAccount], cancellationToken));

        var conflictWith = bidders.Concat(inputs.PartyEntities).Distinct().ToList();
        var conflicted = await db.ExpertConflicts.AsNoTracking().Where(c => conflictWith.Contains(c.EntityId)).Select(c => c.ExpertId).Distinct().ToListAsync(cancellationToken);
        var start = inputs.EvaluationStartUtc;
        var end = inputs.EvaluationEndUtc;
        var onLeave = await db.ExpertLeaves.AsNoTracking().Where(l => l.FromUtc < end && l.ToUtc > start).Select(l => l.ExpertId).Distinct().ToListAsync(cancellationToken);
        var since = inputs.AsOfUtc.AddDays(-inputs.Rules.FrequentDays);
        var asOf = inputs.AsOfUtc;
        var times = await (from m in db.DrawMembers
                           join d in db.ExpertDraws on m.DrawId equals d.Id
                           where d.TendererName == inputs.TendererName && m.InvitedUtc >= since && m.InvitedUtc < asOf
                           group m by m.ExpertId into g
                           select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var facts = new RecusalFacts
        {
            TendererAndAgentEntities = [.. inputs.PartyEntities],
            TendererAndAgentNames = new HashSet<string>(new[] { inputs.TendererName, inputs.AgentName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(RecusalFacts.NormaliseName), StringComparer.Ordinal),
            BidderEntities = [.. bidders],
            LinkedEntities = linked,
            BidderNames = new HashSet<string>(bidderRows.Select(b => RecusalFacts.NormaliseName(b.Name)), StringComparer.Ordinal),
            BidderCreditCodes = new HashSet<string>(bidderRows.Select(b => b.CreditCode), StringComparer.Ordinal),
            SupervisingDepartmentNames = string.IsNullOrWhiteSpace(inputs.SupervisingDepartmentName)
                ? new HashSet<string>(StringComparer.Ordinal)
                : new HashSet<string>([RecusalFacts.NormaliseName(inputs.SupervisingDepartmentName)], StringComparer.Ordinal),
            TradeType = inputs.TradeType,
            EvaluationDate = ChinaTime.DateOf(inputs.EvaluationStartUtc),
            ConflictedExperts = [.. conflicted],
            TimesForTenderer = times,
            OnLeave = [.. onLeave],
            ProjectRegionCode = inputs.RegionCode,
        };

        var specialties = await db.Specialties.AsNoTracking().Select(s => new { s.Code, s.Name }).ToDictionaryAsync(s => s.Code, s => s.Name, cancellationToken);
        var groupCodes = new List<HashSet<string>>();
        foreach (var g in inputs.Groups)
        {
            if (!specialties.ContainsKey(g.SpecialtyCode))
            {
                throw new DomainException($"专业代码“{g.SpecialtyCode}”不存在。");
            }
            groupCodes.Add(specialties.Keys.Where(c => c.StartsWith(g.SpecialtyCode, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal));
        }
        var allCodes = groupCodes.SelectMany(c => c).Distinct().ToList();
        var rows = await (from s in db.ExpertSpecialties
                          where allCodes.Contains(s.Code)
                          join e in db.Experts on s.ExpertId equals e.Id
                          where e.Status != ExpertStatus.Pending && e.Status != ExpertStatus.Rejected
                          select new { s.Code, e.Id, e.Status, e.RegionCode, e.EmployerEntityId, e.EmployerName, e.CreditScore })
            .AsNoTracking().ToListAsync(cancellationToken);
        var rowIds = rows.Select(r => r.Id).Distinct().ToList();
        var employments = (await db.ExpertEmployments.AsNoTracking().Where(e => rowIds.Contains(e.ExpertId))
                .Select(e => new { e.ExpertId, e.EmployerName, e.CreditCode, e.From, e.To }).ToListAsync(cancellationToken))
            .GroupBy(e => e.ExpertId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PastEmployment>)g.Select(e => new PastEmployment(e.EmployerName, e.CreditCode, e.From, e.To)).ToList());

        var outcomes = new List<GroupOutcome>();
        var verdicts = new Dictionary<Guid, RecusalRule?>();
        for (var i = 0; i < inputs.Groups.Count; i++)
        {
            var request = inputs.Groups[i];
            var codes = groupCodes[i];
            var removed = new Dictionary<RecusalRule, List<Guid>>();
            var pool = new List<Guid>();
            var seen = new HashSet<Guid>();
            foreach (var r in rows)
            {
                if (!codes.Contains(r.Code) || !seen.Add(r.Id))
                {
                    continue;
                }
                if (!verdicts.TryGetValue(r.Id, out var rule))
                {
                    var candidate = new DrawCandidate(r.Id, r.Status, r.RegionCode, r.EmployerEntityId, r.EmployerName, r.CreditScore)
                    {
                        Employments = employments.GetValueOrDefault(r.Id, []),
                    };
                    rule = facts.FirstExclusion(candidate, inputs.Rules, inputs.IsRemote);
                    verdicts[r.Id] = rule;
                }
                if (rule is { } excluded)
                {
                    (removed.TryGetValue(excluded, out var list) ? list : removed[excluded] = []).Add(r.Id);
                }
                else
                {
                    pool.Add(r.Id);
                }
            }
            foreach (var list in removed.Values)
            {
                list.Sort(DrawAlgorithm.CompareIds);
            }
            var sorted = DrawAlgorithm.Sort(pool);
            outcomes.Add(new GroupOutcome(i, request.SpecialtyCode, specialties[request.SpecialtyCode], request.Count, request.Backups,
                seen.Count, sorted, DrawAlgorithm.PoolHash(sorted), removed));
        }
        return (facts, outcomes);
    }

    /// <summary>
    /// Lots the clerk can draw for now: lots of the clerk's own projects (the projects module's scope) that are open, evaluated
    /// by experts, past their bid deadline's setting and without a draw in force; newest project first.
    /// </summary>
    public async Task<IReadOnlyList<LotChoice>> LotChoicesAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        var now = Now;
        var lots = (await projects.LotsAsync(200, cancellationToken))
            .Where(l => !l.Project.IsClosed && !l.Lot.IsClosed && l.Lot.BidDeadlineUtc is not null && settings.CommitteeMinimum(l.Project.TradeType, l.Project.TradeMethod) is not null)
            .ToList();
        var lotIds = lots.Select(l => l.Lot.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var drawn = (await db.ExpertDraws.AsNoTracking().Where(d => lotIds.Contains(d.LotId) && d.EvaluationEndUtc > now).Select(d => d.LotId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return lots.Where(l => !drawn.Contains(l.Lot.Id))
            .Select(l => new LotChoice(l.Lot.Id, l.Project.Code, l.Project.Name, l.Lot.Name, l.Project.TendererName, l.Project.RegionCode,
                l.Lot.BidDeadlineUtc, settings.CommitteeMinimum(l.Project.TradeType, l.Project.TradeMethod)!.Value))
            .ToList();
    }

    /// <summary>
    /// Registered entities the clerk can name as the lot's bidders, and those left out with the reason (banned for the type,
    /// the project's tenderer or agent, an organisation that does not bid).
    /// </summary>
    public async Task<BidderChoices> BidderChoicesAsync(Guid lotId, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        var lot = await FindLotAsync(lotId, cancellationToken);
        return await BidderChoicesAsync(lot.Project, await PartyEntitiesAsync(lot.Project, cancellationToken), Now, cancellationToken);
    }

    /// <summary>
    /// Draws without who was drawn, of the projects the caller may see (a clerk its centre's, a supervisor its department's,
    /// the 交易管理局 all), optionally of one lot.
    /// </summary>
    public async Task<IReadOnlyList<DrawSummary>> ListAsync(Guid? lotId = null, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ExpertDraws.AsNoTracking();
        if (lotId is { } lot)
        {
            query = query.Where(d => d.LotId == lot);
        }
        var rows = await query.OrderByDescending(d => d.CreatedUtc).Take(1000)
            .Select(d => new { d.ProjectId, Row = new DrawSummary(d.Id, d.ProjectCode, d.ProjectName, d.LotName, d.TendererName, d.EvaluationStartUtc, d.Place,
                d.IsRemote, d.CreatedUtc, d.CreatedByName, d.CreatedByUserId == user.UserId) })
            .ToListAsync(cancellationToken);
        var visible = await projects.VisibleAsync(rows.Select(r => r.ProjectId), cancellationToken);
        return rows.Where(r => visible.Contains(r.ProjectId)).Select(r => r.Row).Take(200).ToList();
    }

    /// <summary>
    /// Who may see who was drawn. Until the evaluation result is published only the clerk who ran the draw and the supervisors
    /// of the project (招标投标法 第37条第5款: 评标委员会成员的名单在中标结果确定前应当保密; 财政部令第87号 第47条); afterwards
    /// also the centre's clerks, the administrator and the project's tenderer and agent. Every service that returns
    /// committee names asks this.
    /// </summary>
    public static bool MaySee(ExpertDraw draw, ICurrentUser user)
    {
        if (user.IsInRole(Roles.Supervisor))
        {
            return true;
        }
        if (user.IsInRole(Roles.CentreClerk) && draw.CreatedByUserId == user.UserId)
        {
            return true;
        }
        if (!draw.IsResultPublished)
        {
            return false;
        }
        return user.IsInRole(Roles.CentreClerk) || user.IsInRole(Roles.Admin)
            || (user.IsInRole(Roles.Tenderer) && draw.TendererUserId == user.UserId)
            || (user.IsInRole(Roles.Agent) && draw.AgentUserId == user.UserId);
    }

    /// <summary>The refusal when <see cref="MaySee"/> says no.</summary>
    public const string ConfidentialMessage = "评审结果公告前，评标委员会（评审小组）成员名单仅对组织抽取的工作人员和行政监督人员可见（《招标投标法》第三十七条第五款；财政部令第87号第四十七条）。";

    /// <summary>
    /// Records that the evaluation result of the draw's lot has been published, lifting the confidentiality of the names. The
    /// clerk who ran the draw records it from the draw page until the evaluation module publishes results itself and calls this.
    /// </summary>
    public async Task PublishResultAsync(Guid drawId, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draw = await LoadInScopeAsync(db, drawId, cancellationToken);
        if (draw.CreatedByUserId != user.UserId)
        {
            throw new AccessDeniedException("只有组织本次抽取的工作人员可以登记评审结果已公告。");
        }
        draw.PublishResult(user.ActorName(), Now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Opens a draw with the names. Every look (and every refused look) is saved as an audited <see cref="ExpertDrawView"/>.</summary>
    public async Task<DrawDetails> GetAsync(Guid drawId, string purpose = "查看抽取结果", CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            throw new AccessDeniedException("请先登录。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draw = await LoadInScopeAsync(db, drawId, cancellationToken);
        var now = Now;
        var allowed = MaySee(draw, user);
        db.ExpertDrawViews.Add(new ExpertDrawView(draw.Id, user.UserId ?? "", user.ActorName(), user.Role ?? "",
            allowed ? purpose : "被拒绝：" + purpose, now));
        await db.SaveChangesAsync(cancellationToken);
        if (!allowed)
        {
            throw new AccessDeniedException(ConfidentialMessage);
        }
        return await DetailsAsync(db, draw, cancellationToken);
    }

    private static async Task<ExpertDraw> LoadAsync(TradeDbContext db, Guid drawId, CancellationToken cancellationToken) =>
        await db.ExpertDraws.Include(d => d.Groups).Include(d => d.Members).AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == drawId, cancellationToken) ?? throw new NotFoundException("未找到该抽取记录。");

    /// <summary>A draw of a project the caller may see; any other is answered like an unknown draw (nothing recorded, nothing shown).</summary>
    private async Task<ExpertDraw> LoadInScopeAsync(TradeDbContext db, Guid drawId, CancellationToken cancellationToken)
    {
        var draw = await LoadAsync(db, drawId, cancellationToken);
        return await projects.FindAsync(draw.ProjectId, cancellationToken) is null ? throw new NotFoundException("未找到该抽取记录。") : draw;
    }

    private static async Task<DrawDetails> DetailsAsync(TradeDbContext db, ExpertDraw draw, CancellationToken cancellationToken)
    {
        var rules = draw.Rules;
        var removedIds = draw.Groups.SelectMany(g => g.Removed.Values.SelectMany(v => v)).Concat(draw.Members.Select(m => m.ExpertId)).Distinct().ToList();
        var people = await db.Experts.AsNoTracking().Where(e => removedIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.EmployerName, e.RegionCode }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var views = await db.ExpertDrawViews.AsNoTracking().Where(v => v.DrawId == draw.Id).OrderByDescending(v => v.ViewedUtc).Take(50)
            .Select(v => new DrawViewRow(v.UserName, v.Role, v.Purpose, v.ViewedUtc)).ToListAsync(cancellationToken);
        string Label(Guid id) => people.TryGetValue(id, out var p) ? $"{p.Name}（{p.EmployerName}，{Regions.NameOf(p.RegionCode)}）" : id.ToString();
        var groups = draw.Groups.OrderBy(g => g.Index).Select(g =>
        {
            var removed = g.Removed;
            var rows = Enum.GetValues<RecusalRule>().Select(r => new RuleRemoval(r, RecusalSettings.Title(r), rules.Describe(r), RecusalSettings.Basis(r, draw.TradeType),
                rules.IsOn(r, draw.IsRemote, draw.TradeType), removed.TryGetValue(r, out var ids) ? ids.Select(Label).ToList() : [])).ToList();
            return new DrawGroupView(g.Index, g.SpecialtyCode, g.SpecialtyName, g.Count, g.Backups, g.CandidatesBeforeRules, g.PoolSize, g.PoolHash, rows);
        }).ToList();
        var members = draw.Members.OrderBy(m => m.GroupIndex).ThenBy(m => m.Order).Select(m => new DrawMemberView(m.Id, m.GroupIndex, m.Order, m.ExpertId,
            m.ExpertName, people.TryGetValue(m.ExpertId, out var p) ? p.EmployerName : "", m.State, m.InvitedUtc, m.ResponseDeadlineUtc, m.RespondedUtc, m.Reason,
            m.ReplacesMemberId is { } r ? draw.Members.Single(x => x.Id == r).ExpertName : null)).ToList();
        return new DrawDetails(draw.Id, draw.LotId, draw.ProjectId, draw.ProjectCode, draw.ProjectName, draw.LotName, draw.TendererName, draw.AgentName,
            draw.EvaluationStartUtc, draw.EvaluationEndUtc, draw.Place, draw.IsRemote, draw.ResponseDeadlineUtc, draw.Seed, draw.AlgorithmVersion,
            draw.CreatedUtc, draw.CreatedByName, draw.Bidders.Count, groups, members, views)
        {
            TradeType = draw.TradeType,
            ResultPublishedUtc = draw.ResultPublishedUtc,
            ResultPublishedByName = draw.ResultPublishedByName,
            CreatedByUserId = draw.CreatedByUserId,
        };
    }

    /// <summary>
    /// Re-verification by a supervisor: rebuilds each group's eligible pool from the recorded inputs (parties, bidders,
    /// rules, evaluation time, the draw's own time for the frequency rule) over today's pool data, compares its hash
    /// with the recorded one, reruns the algorithm with the recorded seed and compares every pick. Where anything
    /// differs the report names the experts.
    /// </summary>
    public async Task<DrawVerification> VerifyAsync(Guid drawId, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draw = await LoadInScopeAsync(db, drawId, cancellationToken);
        db.ExpertDrawViews.Add(new ExpertDrawView(draw.Id, user.UserId ?? "", user.ActorName(), user.Role ?? "", "复核抽取", Now));
        await db.SaveChangesAsync(cancellationToken);

        var groups = draw.Groups.OrderBy(g => g.Index).ToList();
        var inputs = new DrawInputs(draw.TendererName, draw.AgentName, draw.ProjectRegionCode, draw.Parties, draw.Bidders,
            draw.EvaluationStartUtc, draw.EvaluationEndUtc, draw.IsRemote, draw.Rules, draw.CreatedUtc,
            groups.Select(g => new DrawGroupRequest(g.SpecialtyCode, g.Count, g.Backups)).ToList(), draw.TradeType, draw.SupervisingDepartmentName);
        var (_, outcomes) = await EvaluateAsync(db, inputs, cancellationToken);
        var seed = draw.SeedBytes;
        var findings = new List<string>();
        var ids = new HashSet<Guid>();
        var picked = new HashSet<Guid>();
        var rebuiltPools = new List<(DrawGroup Group, GroupOutcome Outcome, List<Guid> Added, List<Guid> Missing, Guid[] Picks)>();
        foreach (var group in groups)
        {
            var outcome = outcomes[group.Index];
            var recorded = group.PoolIds;
            var added = outcome.SortedPool.Except(recorded).ToList();
            var missing = recorded.Except(outcome.SortedPool).ToList();
            ids.UnionWith(added);
            ids.UnionWith(missing);
            var candidates = outcome.SortedPool.Where(id => !picked.Contains(id)).ToList();
            var members = draw.Members.Where(m => m.GroupIndex == group.Index).ToList();
            var total = members.Max(m => m.Order) + 1;
            var picks = DrawAlgorithm.Picks(seed, group.Index, candidates, total);
            picked.UnionWith(picks.Take(group.Count + group.Backups));
            ids.UnionWith(picks);
            rebuiltPools.Add((group, outcome, added, missing, picks));
        }
        var names = await db.Experts.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        string Name(Guid id) => names.TryGetValue(id, out var n) ? n : id.ToString();
        var reports = new List<GroupVerification>();
        foreach (var (group, outcome, added, missing, picks) in rebuiltPools)
        {
            var recordedHashOk = DrawAlgorithm.PoolHash(group.PoolIds) == group.PoolHash;
            if (!recordedHashOk)
            {
                findings.Add($"{group.SpecialtyName}：记录中的专家池与记录的哈希不一致，记录可能被篡改");
            }
            var hashSame = outcome.PoolHash == group.PoolHash;
            if (!hashSame)
            {
                findings.Add($"{group.SpecialtyName}：重建的专家池哈希与记录不同（记录 {group.PoolSize} 人，重建 {outcome.SortedPool.Length} 人）");
                foreach (var id in added)
                {
                    findings.Add($"{group.SpecialtyName}：重建的专家池多出 {Name(id)}");
                }
                foreach (var id in missing)
                {
                    findings.Add($"{group.SpecialtyName}：重建的专家池缺少 {Name(id)}");
                }
            }
            foreach (var member in draw.Members.Where(m => m.GroupIndex == group.Index).OrderBy(m => m.Order))
            {
                var rerun = member.Order < picks.Length ? picks[member.Order] : Guid.Empty;
                if (rerun != member.ExpertId)
                {
                    findings.Add($"{group.SpecialtyName}：第{member.Order + 1}位记录为 {member.ExpertName}，重新计算为 {(rerun == Guid.Empty ? "（无）" : Name(rerun))}");
                }
            }
            reports.Add(new GroupVerification(group.Index, group.SpecialtyName, group.PoolHash, outcome.PoolHash, recordedHashOk, hashSame,
                group.PoolSize, outcome.SortedPool.Length));
        }
        if (draw.AlgorithmVersion != DrawAlgorithm.Version)
        {
            findings.Insert(0, $"记录的算法版本“{draw.AlgorithmVersion}”与当前版本“{DrawAlgorithm.Version}”不同");
        }
        return new DrawVerification(draw.Id, findings.Count == 0, draw.Seed, draw.AlgorithmVersion, reports, findings);
    }

    public async Task<PublishedCommittee?> PublishedCommitteeAsync(Guid lotId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draw = await db.ExpertDraws.AsNoTracking().Include(d => d.Groups).Include(d => d.Members).AsSplitQuery()
            .Where(d => d.LotId == lotId && d.ResultPublishedUtc != null).OrderByDescending(d => d.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
        // The projects module's scope decides who may read the lot at all; an unpublished committee is answered like none.
        if (draw is null || await projects.FindAsync(draw.ProjectId, cancellationToken) is null)
        {
            return null;
        }
        var members = draw.Members.Where(m => m.State == DrawMemberState.Accepted).OrderBy(m => m.GroupIndex).ThenBy(m => m.Order)
            .Select(m => new PublishedCommitteeMember(m.ExpertName, draw.Groups.Single(g => g.Index == m.GroupIndex).SpecialtyName)).ToList();
        return new PublishedCommittee(draw.LotId, draw.ProjectCode, draw.LotName, draw.ResultPublishedUtc!.Value, members);
    }

    /// <summary>The signed-in expert's invitations (only their own rows: the rest of the committee stays confidential).</summary>
    public async Task<IReadOnlyList<InvitationRow>> MyInvitationsAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.Expert);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expertId = await ExpertIdAsync(db, cancellationToken);
        return await (from m in db.DrawMembers
                      join d in db.ExpertDraws on m.DrawId equals d.Id
                      where m.ExpertId == expertId && m.State != DrawMemberState.Standby
                      orderby d.EvaluationStartUtc descending
                      select new InvitationRow(m.Id, d.ProjectCode, d.ProjectName, d.LotName, d.EvaluationStartUtc, d.EvaluationEndUtc, d.Place, d.IsRemote,
                          m.State, m.ResponseDeadlineUtc, m.Reason)).Take(100).ToListAsync(cancellationToken);
    }

    private async Task<Guid> ExpertIdAsync(TradeDbContext db, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == user.UserId).Select(u => u.ExpertId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new AccessDeniedException("您的账号尚未关联专家信息。");

    /// <summary>The expert accepts or declines; a decline draws a replacement at once, recorded in the same draw.</summary>
    public async Task<string?> RespondAsync(Guid memberId, bool accept, string? reason, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.Expert);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expertId = await ExpertIdAsync(db, cancellationToken);
        var drawId = await db.DrawMembers.Where(m => m.Id == memberId && m.ExpertId == expertId).Select(m => (Guid?)m.DrawId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("未找到该邀请。");
        var draw = await LoadAsync(db, drawId, cancellationToken);
        var now = Now;
        draw.Respond(memberId, accept, reason, now);
        var replacement = accept ? null : await ReplaceAsync(db, draw, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return replacement;
    }

    /// <summary>Invitations past their deadline count as no answer and are replaced. Run by a timer; returns how many.</summary>
    public async Task<int> ExpireUnansweredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var drawIds = await db.DrawMembers.Where(m => m.State == DrawMemberState.Invited && m.ResponseDeadlineUtc < now)
            .Select(m => m.DrawId).Distinct().ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in drawIds)
        {
            var draw = await LoadAsync(db, id, cancellationToken);
            count += draw.ExpireUnanswered(now).Count;
            await ReplaceAsync(db, draw, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    private async Task<string?> ReplaceAsync(TradeDbContext db, ExpertDraw draw, DateTime now, CancellationToken cancellationToken)
    {
        string? last = null;
        foreach (var gone in draw.Unreplaced())
        {
            if (draw.SessionStarted(now))
            {
                break;
            }
            var group = draw.Groups.Single(g => g.Index == gone.GroupIndex);
            var poolIds = group.PoolIds.ToList();
            var names = await db.Experts.AsNoTracking().Where(e => poolIds.Contains(e.Id) && e.Status == ExpertStatus.Active)
                .Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
            var onLeave = (await db.ExpertLeaves.AsNoTracking()
                .Where(l => poolIds.Contains(l.ExpertId) && l.FromUtc < draw.EvaluationEndUtc && l.ToUtc > draw.EvaluationStartUtc)
                .Select(l => l.ExpertId).ToListAsync(cancellationToken)).ToHashSet();
            var member = draw.Replace(gone, id => names.GetValueOrDefault(id, ""), id => names.ContainsKey(id) && !onLeave.Contains(id),
                settings.ReplacementAnswerWindow, now);
            if (member is not null && db.Entry(member).State == EntityState.Detached)
            {
                db.DrawMembers.Add(member);
            }
            await notifier.ReplacedAsync(db, draw, gone, member, now, cancellationToken);
            last = member?.ExpertName;
        }
        return last;
    }
}

/// <summary>
/// The experts module's published read interface for other modules: the committee of a lot, by name, once the lot's
/// evaluation result has been published (for the procurement result notice, 财政部令第87号 第69条: 评审专家名单).
/// </summary>
public interface IExpertCommittee
{
    /// <summary>
    /// The accepted members of the lot's committee, in drawing order, or null while no draw of the lot has its result
    /// published (<see cref="ExpertDraw.PublishResult"/>) or the lot lies outside the caller's scope.
    /// </summary>
    Task<PublishedCommittee?> PublishedCommitteeAsync(Guid lotId, CancellationToken cancellationToken = default);
}

public sealed record PublishedCommitteeMember(string Name, string Specialty);

public sealed record PublishedCommittee(Guid LotId, string ProjectCode, string LotName, DateTime ResultPublishedUtc, IReadOnlyList<PublishedCommitteeMember> Members);

public sealed record LotChoice(Guid LotId, string ProjectCode, string ProjectName, string LotName, string TendererName, string RegionCode,
    DateTime? BidDeadlineUtc, int CommitteeMinimum);

public sealed record EntityChoice(Guid Id, string Name);

/// <summary>An entity that cannot be named as a bidder, and why.</summary>
public sealed record ExcludedBidder(Guid Id, string Name, string Reason);

/// <summary>Who can be named as a lot's bidders, and who was left out.</summary>
public sealed record BidderChoices(IReadOnlyList<EntityChoice> Allowed, IReadOnlyList<ExcludedBidder> Excluded);

public sealed record DrawSummary(Guid Id, string ProjectCode, string ProjectName, string LotName, string TendererName, DateTime EvaluationStartUtc,
    string Place, bool IsRemote, DateTime CreatedUtc, string CreatedByName, bool Mine);

public sealed record RuleRemoval(RecusalRule Rule, string Title, string Description, string Basis, bool InForce, IReadOnlyList<string> Removed);

public sealed record DrawGroupView(int Index, string SpecialtyCode, string SpecialtyName, int Count, int Backups, int CandidatesBeforeRules,
    int PoolSize, string PoolHash, IReadOnlyList<RuleRemoval> Rules);

public sealed record DrawMemberView(Guid Id, int GroupIndex, int Order, Guid ExpertId, string Name, string Employer, DrawMemberState State,
    DateTime? InvitedUtc, DateTime? DeadlineUtc, DateTime? RespondedUtc, string? Reason, string? Replaces);

public sealed record DrawViewRow(string UserName, string Role, string Purpose, DateTime ViewedUtc);

public sealed record DrawDetails(Guid Id, Guid LotId, Guid ProjectId, string ProjectCode, string ProjectName, string LotName, string TendererName,
    string? AgentName, DateTime EvaluationStartUtc, DateTime EvaluationEndUtc, string Place, bool IsRemote, DateTime ResponseDeadlineUtc,
    string Seed, string AlgorithmVersion, DateTime CreatedUtc, string CreatedByName, int BidderCount,
    IReadOnlyList<DrawGroupView> Groups, IReadOnlyList<DrawMemberView> Members, IReadOnlyList<DrawViewRow> Views)
{
    public TradeType TradeType { get; init; }
    public DateTime? ResultPublishedUtc { get; init; }
    public string? ResultPublishedByName { get; init; }
    public string CreatedByUserId { get; init; } = "";
}

public sealed record GroupVerification(int Index, string SpecialtyName, string RecordedHash, string RebuiltHash, bool RecordIntact, bool PoolSame,
    int RecordedPoolSize, int RebuiltPoolSize);

public sealed record DrawVerification(Guid DrawId, bool Same, string Seed, string AlgorithmVersion, IReadOnlyList<GroupVerification> Groups,
    IReadOnlyList<string> Differences);

public sealed record InvitationRow(Guid MemberId, string ProjectCode, string ProjectName, string LotName, DateTime EvaluationStartUtc,
    DateTime EvaluationEndUtc, string Place, bool IsRemote, DrawMemberState State, DateTime? DeadlineUtc, string? Reason);
