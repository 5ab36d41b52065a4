using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Experts;

/// <summary>Settings of the draw (section <c>Experts:Draw</c>).</summary>
public sealed class ExpertDrawSettings
{
    /// <summary>How long a replacement has to answer (never past the session start).</summary>
    public TimeSpan ReplacementAnswerWindow { get; set; } = TimeSpan.FromHours(2);
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
    IDrawSeedSource seeds, ExpertDrawSettings settings)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Runs a draw. Refuses with <see cref="DrawRefusedException"/> when a specialty has too few eligible experts.</summary>
    public async Task<Guid> DrawAsync(DrawRequest request, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        Validate(request);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subject = await SubjectAsync(db, request.LotId, cancellationToken);
        var now = Now;
        var partyNames = new[] { subject.TendererName, subject.AgentName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        var parties = await db.MarketEntities.Where(e => partyNames.Contains(e.Name)).Select(e => e.Id).ToListAsync(cancellationToken);
        var inputs = new DrawInputs(subject.TendererName, subject.AgentName, subject.RegionCode, parties, request.BidderEntityIds,
            request.EvaluationStartUtc, request.EvaluationEndUtc, request.IsRemote, request.Rules, now, request.Groups);
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

    private static async Task<DrawSubject> SubjectAsync(TradeDbContext db, Guid lotId, CancellationToken cancellationToken) =>
        await (from l in db.Lots
               join p in db.TradeProjects on l.ProjectId equals p.Id
               where l.Id == lotId
               select new DrawSubject(l.Id, p.Id, p.Code, p.Name, l.Name, p.RegionCode, p.TendererName, p.AgentName, p.TendererUserId, p.AgentUserId))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new DomainException("未找到该标段（包）。");

    /// <summary>Everything the eligibility of a draw depends on; recorded with the draw so it can be rebuilt.</summary>
    internal sealed record DrawInputs(string TendererName, string? AgentName, string RegionCode, IReadOnlyList<Guid> PartyEntities,
        IReadOnlyList<Guid> Bidders, DateTime EvaluationStartUtc, DateTime EvaluationEndUtc, bool IsRemote, RecusalSettings Rules,
        DateTime AsOfUtc, IReadOnlyList<DrawGroupRequest> Groups);

    /// <summary>Loads the facts in a handful of set queries and filters a compact projection of the pool in memory.</summary>
    internal static async Task<(RecusalFacts Facts, List<GroupOutcome> Outcomes)> EvaluateAsync(TradeDbContext db, DrawInputs inputs, CancellationToken cancellationToken)
    {
        var bidders = inputs.Bidders.Distinct().ToList();
        var bidderRows = await db.MarketEntities.AsNoTracking().Where(e => bidders.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.LegalRepresentativeIdNumber }).ToListAsync(cancellationToken);
        var reps = bidderRows.Select(b => b.LegalRepresentativeIdNumber).Where(r => r.Value.Length > 0).Distinct().ToList();
        var accounts = await db.Set<EntityBankAccount>().AsNoTracking().Where(a => bidders.Contains(a.MarketEntityId))
            .Select(a => a.AccountNumber).Distinct().ToListAsync(cancellationToken);
        var linked = new HashSet<Guid>(await db.MarketEntities.AsNoTracking().Where(e => reps.Contains(e.LegalRepresentativeIdNumber)).Select(e => e.Id).ToListAsync(cancellationToken));
        linked.UnionWith(await db.Set<EntityBankAccount>().AsNoTracking().Where(a => accounts.Contains(a.AccountNumber)).Select(a => a.MarketEntityId).ToListAsync(cancellationToken));

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
                    rule = facts.FirstExclusion(new DrawCandidate(r.Id, r.Status, r.RegionCode, r.EmployerEntityId, r.EmployerName, r.CreditScore), inputs.Rules, inputs.IsRemote);
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

    /// <summary>Lots a clerk can draw for: the newest 200 of the region's projects.</summary>
    public async Task<IReadOnlyList<LotChoice>> LotChoicesAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from l in db.Lots
                      join p in db.TradeProjects on l.ProjectId equals p.Id
                      orderby p.CreatedUtc descending, l.Number
                      select new LotChoice(l.Id, p.Code, p.Name, l.Name, p.TendererName, p.RegionCode)).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>Registered entities a clerk can name as bidders.</summary>
    public async Task<IReadOnlyList<EntityChoice>> BidderChoicesAsync(CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MarketEntities.AsNoTracking().Where(e => e.Status == MarketEntityStatus.Approved).OrderBy(e => e.Name)
            .Select(e => new EntityChoice(e.Id, e.Name)).Take(500).ToListAsync(cancellationToken);
    }

    /// <summary>Draws of a lot without who was drawn (safe for any clerk or supervisor).</summary>
    public async Task<IReadOnlyList<DrawSummary>> ListAsync(Guid? lotId = null, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ExpertDraws.AsNoTracking();
        if (lotId is { } lot)
        {
            query = query.Where(d => d.LotId == lot);
        }
        return await query.OrderByDescending(d => d.CreatedUtc).Take(200)
            .Select(d => new DrawSummary(d.Id, d.ProjectCode, d.ProjectName, d.LotName, d.TendererName, d.EvaluationStartUtc, d.Place, d.IsRemote,
                d.CreatedUtc, d.CreatedByName, d.CreatedByUserId == user.UserId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Who may see who was drawn: the clerk who ran it and supervisors; others only once the session started.</summary>
    public static bool MaySee(ExpertDraw draw, ICurrentUser user, DateTime nowUtc)
    {
        if (user.IsInRole(Roles.Supervisor))
        {
            return true;
        }
        if (user.IsInRole(Roles.CentreClerk) && draw.CreatedByUserId == user.UserId)
        {
            return true;
        }
        if (!draw.SessionStarted(nowUtc))
        {
            // Tenderer, agent and bidders never see the committee before the session.
            return false;
        }
        return user.IsInRole(Roles.CentreClerk) || user.IsInRole(Roles.Admin)
            || (user.IsInRole(Roles.Tenderer) && draw.TendererUserId == user.UserId)
            || (user.IsInRole(Roles.Agent) && draw.AgentUserId == user.UserId);
    }

    /// <summary>Opens a draw with the names. Every look (and every refused look) is saved as an audited <see cref="ExpertDrawView"/>.</summary>
    public async Task<DrawDetails> GetAsync(Guid drawId, string purpose = "查看抽取结果", CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            throw new AccessDeniedException("请先登录。");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draw = await LoadAsync(db, drawId, cancellationToken);
        var now = Now;
        var allowed = MaySee(draw, user, now);
        db.ExpertDrawViews.Add(new ExpertDrawView(draw.Id, user.UserId ?? "", user.ActorName(), user.Role ?? "",
            allowed ? purpose : "被拒绝：" + purpose, now));
        await db.SaveChangesAsync(cancellationToken);
        if (!allowed)
        {
            throw new AccessDeniedException("评标开始前，抽取结果仅对组织抽取的工作人员和行政监督人员可见。");
        }
        return await DetailsAsync(db, draw, cancellationToken);
    }

    private static async Task<ExpertDraw> LoadAsync(TradeDbContext db, Guid drawId, CancellationToken cancellationToken) =>
        await db.ExpertDraws.Include(d => d.Groups).Include(d => d.Members).AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Id == drawId, cancellationToken) ?? throw new DomainException("未找到该抽取记录。");

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
            var rows = Enum.GetValues<RecusalRule>().Select(r => new RuleRemoval(r, RecusalSettings.Title(r), rules.Describe(r), RecusalSettings.Basis(r),
                rules.IsOn(r, draw.IsRemote), removed.TryGetValue(r, out var ids) ? ids.Select(Label).ToList() : [])).ToList();
            return new DrawGroupView(g.Index, g.SpecialtyCode, g.SpecialtyName, g.Count, g.Backups, g.CandidatesBeforeRules, g.PoolSize, g.PoolHash, rows);
        }).ToList();
        var members = draw.Members.OrderBy(m => m.GroupIndex).ThenBy(m => m.Order).Select(m => new DrawMemberView(m.Id, m.GroupIndex, m.Order, m.ExpertId,
            m.ExpertName, people.TryGetValue(m.ExpertId, out var p) ? p.EmployerName : "", m.State, m.InvitedUtc, m.ResponseDeadlineUtc, m.RespondedUtc, m.Reason,
            m.ReplacesMemberId is { } r ? draw.Members.Single(x => x.Id == r).ExpertName : null)).ToList();
        return new DrawDetails(draw.Id, draw.LotId, draw.ProjectId, draw.ProjectCode, draw.ProjectName, draw.LotName, draw.TendererName, draw.AgentName,
            draw.EvaluationStartUtc, draw.EvaluationEndUtc, draw.Place, draw.IsRemote, draw.ResponseDeadlineUtc, draw.Seed, draw.AlgorithmVersion,
            draw.CreatedUtc, draw.CreatedByName, draw.Bidders.Count, groups, members, views);
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
        var draw = await LoadAsync(db, drawId, cancellationToken);
        db.ExpertDrawViews.Add(new ExpertDrawView(draw.Id, user.UserId ?? "", user.ActorName(), user.Role ?? "", "复核抽取", Now));
        await db.SaveChangesAsync(cancellationToken);

        var groups = draw.Groups.OrderBy(g => g.Index).ToList();
        var inputs = new DrawInputs(draw.TendererName, draw.AgentName, draw.ProjectRegionCode, draw.Parties, draw.Bidders,
            draw.EvaluationStartUtc, draw.EvaluationEndUtc, draw.IsRemote, draw.Rules, draw.CreatedUtc,
            groups.Select(g => new DrawGroupRequest(g.SpecialtyCode, g.Count, g.Backups)).ToList());
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
            last = member?.ExpertName;
        }
        return last;
    }
}

public sealed record LotChoice(Guid LotId, string ProjectCode, string ProjectName, string LotName, string TendererName, string RegionCode);

public sealed record EntityChoice(Guid Id, string Name);

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
    IReadOnlyList<DrawGroupView> Groups, IReadOnlyList<DrawMemberView> Members, IReadOnlyList<DrawViewRow> Views);

public sealed record GroupVerification(int Index, string SpecialtyName, string RecordedHash, string RebuiltHash, bool RecordIntact, bool PoolSame,
    int RecordedPoolSize, int RebuiltPoolSize);

public sealed record DrawVerification(Guid DrawId, bool Same, string Seed, string AlgorithmVersion, IReadOnlyList<GroupVerification> Groups,
    IReadOnlyList<string> Differences);

public sealed record InvitationRow(Guid MemberId, string ProjectCode, string ProjectName, string LotName, DateTime EvaluationStartUtc,
    DateTime EvaluationEndUtc, string Place, bool IsRemote, DrawMemberState State, DateTime? DeadlineUtc, string? Reason);
