using System.Text.Json;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Experts;

public enum DrawMemberState
{
    /// <summary>备选: drawn as a backup, not invited (yet).</summary>
    Standby = 1,
    Invited = 2,
    Accepted = 3,
    Declined = 4,
    /// <summary>逾期未答复.</summary>
    NoAnswer = 5,
}

public static class DrawNames
{
    public static string Chinese(this DrawMemberState state) => state switch
    {
        DrawMemberState.Standby => "备选",
        DrawMemberState.Invited => "已邀请待答复",
        DrawMemberState.Accepted => "已接受",
        DrawMemberState.Declined => "已拒绝",
        DrawMemberState.NoAnswer => "逾期未答复",
    };
}

/// <summary>
/// 专家抽取: one draw for a lot, with everything needed to repeat it — the lot's parties as they were, the bidders, the
/// rules in force, the seed and algorithm version, and per specialty group the eligible pool, its SM3 hash and who each
/// rule removed. Replacements after a decline are recorded in the same draw.
/// </summary>
public class ExpertDraw
{
    private readonly List<DrawGroup> _groups = [];
    private readonly List<DrawMember> _members = [];

    private ExpertDraw() { }

    internal ExpertDraw(DrawSubject subject, DrawRequest request, RecusalFacts facts, byte[] seed, string createdByUserId, string createdByName, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        LotId = subject.LotId;
        ProjectId = subject.ProjectId;
        ProjectCode = subject.ProjectCode;
        ProjectName = subject.ProjectName;
        LotName = subject.LotName;
        ProjectRegionCode = subject.RegionCode;
        TradeType = subject.TradeType;
        SupervisingDepartmentName = subject.SupervisingDepartmentName;
        TendererName = subject.TendererName;
        AgentName = subject.AgentName;
        TendererUserId = subject.TendererUserId;
        AgentUserId = subject.AgentUserId;
        PartyEntityIds = string.Join(",", facts.TendererAndAgentEntities.Order());
        BidderEntityIds = string.Join(",", request.BidderEntityIds.Distinct().Order());
        EvaluationStartUtc = request.EvaluationStartUtc;
        EvaluationEndUtc = request.EvaluationEndUtc;
        Place = request.Place.Trim();
        IsRemote = request.IsRemote;
        ResponseDeadlineUtc = request.ResponseDeadlineUtc;
        RulesJson = JsonSerializer.Serialize(request.Rules);
        Seed = Convert.ToHexStringLower(seed);
        AlgorithmVersion = DrawAlgorithm.Version;
        CreatedUtc = nowUtc;
        CreatedByUserId = createdByUserId;
        CreatedByName = createdByName;
    }

    public Guid Id { get; private set; }
    public Guid LotId { get; private set; }
    public Guid ProjectId { get; private set; }
    public string ProjectCode { get; private set; } = "";
    public string ProjectName { get; private set; } = "";
    public string LotName { get; private set; } = "";
    public string ProjectRegionCode { get; private set; } = "";
    /// <summary>The project's trade type: which recusal rules apply and which basis they cite.</summary>
    public TradeType TradeType { get; private set; }
    /// <summary>The project's supervising department (行政监督部门) at the time of the draw, for recusal of its staff.</summary>
    public string SupervisingDepartmentName { get; private set; } = "";
    public string TendererName { get; private set; } = "";
    public string? AgentName { get; private set; }
    public string? TendererUserId { get; private set; }
    public string? AgentUserId { get; private set; }
    /// <summary>Registered entities found for the tenderer and agent at the time of the draw, comma-separated.</summary>
    public string PartyEntityIds { get; private set; } = "";
    /// <summary>The bidders' entity ids as given by the clerk, comma-separated.</summary>
    public string BidderEntityIds { get; private set; } = "";
    public DateTime EvaluationStartUtc { get; private set; }
    public DateTime EvaluationEndUtc { get; private set; }
    public string Place { get; private set; } = "";
    public bool IsRemote { get; private set; }
    public DateTime ResponseDeadlineUtc { get; private set; }
    public string RulesJson { get; private set; } = "";
    /// <summary>The 32-byte seed from the cryptographic source, lowercase hex.</summary>
    public string Seed { get; private set; } = "";
    public string AlgorithmVersion { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public string CreatedByUserId { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";
    public int Revision { get; private set; }
    /// <summary>
    /// When the evaluation result (中标候选人 / 成交结果) was published: until then the committee's names stay confidential
    /// (招标投标法 第37条第5款; 财政部令第87号 第47条). Set by <see cref="PublishResult"/>.
    /// </summary>
    public DateTime? ResultPublishedUtc { get; private set; }
    public string? ResultPublishedByName { get; private set; }

    public IReadOnlyList<DrawGroup> Groups => _groups;
    public IReadOnlyList<DrawMember> Members => _members;

    public RecusalSettings Rules => JsonSerializer.Deserialize<RecusalSettings>(RulesJson)!;
    public byte[] SeedBytes => Convert.FromHexString(Seed);
    public IReadOnlyList<Guid> Bidders => Split(BidderEntityIds);
    public IReadOnlyList<Guid> Parties => Split(PartyEntityIds);

    /// <summary>The evaluation session has started (assessments, no more replacements).</summary>
    public bool SessionStarted(DateTime nowUtc) => nowUtc >= EvaluationStartUtc;

    /// <summary>Whether the result of the evaluation has been published; who was drawn is confidential until then.</summary>
    public bool IsResultPublished => ResultPublishedUtc is not null;

    /// <summary>
    /// Marks the evaluation result as published (the hook the evaluation module will call when it publishes the result; until
    /// then the clerk records it). Only after the session has ended; once only.
    /// </summary>
    public void PublishResult(string byName, DateTime nowUtc)
    {
        if (ResultPublishedUtc is { } at)
        {
            throw new DomainException($"评审结果已于 {ChinaTime.Format(at)} 登记为已公告。");
        }
        if (nowUtc < EvaluationEndUtc)
        {
            throw new DomainException($"评标结束（{ChinaTime.Format(EvaluationEndUtc)}）后才能登记评审结果已公告。");
        }
        if (!_members.Any(m => m.State == DrawMemberState.Accepted))
        {
            throw new DomainException("本次抽取没有接受邀请的专家，不能登记评审结果已公告。");
        }
        ResultPublishedUtc = nowUtc;
        ResultPublishedByName = byName;
        Revision++;
    }

    private static List<Guid> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    internal void AddGroup(DrawGroup group, IReadOnlyList<Guid> picks, Func<Guid, string> nameOf, DateTime nowUtc)
    {
        _groups.Add(group);
        for (var i = 0; i < picks.Count; i++)
        {
            var invited = i < group.Count;
            _members.Add(new DrawMember(Id, group.Index, i, picks[i], nameOf(picks[i]),
                invited ? DrawMemberState.Invited : DrawMemberState.Standby, invited ? nowUtc : null, invited ? ResponseDeadlineUtc : null, null));
        }
    }

    /// <summary>The expert answers the invitation.</summary>
    public void Respond(Guid memberId, bool accept, string? reason, DateTime nowUtc)
    {
        var member = _members.SingleOrDefault(m => m.Id == memberId) ?? throw new DomainException("未找到该邀请。");
        if (member.State != DrawMemberState.Invited)
        {
            throw new DomainException($"该邀请当前状态为“{member.State.Chinese()}”，不能再答复。");
        }
        if (nowUtc > member.ResponseDeadlineUtc)
        {
            throw new DomainException($"答复截止时间 {ChinaTime.Format(member.ResponseDeadlineUtc)} 已过。");
        }
        if (!accept && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写拒绝的理由。");
        }
        member.Answer(accept ? DrawMemberState.Accepted : DrawMemberState.Declined, reason, nowUtc);
        Revision++;
    }

    /// <summary>Marks invitations past their deadline as unanswered; returns them.</summary>
    public IReadOnlyList<DrawMember> ExpireUnanswered(DateTime nowUtc)
    {
        var expired = _members.Where(m => m.State == DrawMemberState.Invited && nowUtc > m.ResponseDeadlineUtc).ToList();
        foreach (var member in expired)
        {
            member.Answer(DrawMemberState.NoAnswer, "逾期未答复", nowUtc);
        }
        if (expired.Count > 0)
        {
            Revision++;
        }
        return expired;
    }

    /// <summary>Members whose decline or silence has not been made good yet.</summary>
    public IReadOnlyList<DrawMember> Unreplaced() =>
        _members.Where(m => m.State is DrawMemberState.Declined or DrawMemberState.NoAnswer
            && _members.All(r => r.ReplacesMemberId != m.Id)).ToList();

    /// <summary>
    /// Replaces a member who declined or did not answer: the next standby of the group is invited, or, with none left,
    /// the group's pick sequence continues over the recorded pool (see <see cref="DrawAlgorithm"/>). Experts no longer
    /// <paramref name="available"/> (suspended or on leave since the draw) are passed over; the record keeps each member's
    /// position in the sequence, so the draw still re-verifies.
    /// </summary>
    public DrawMember? Replace(DrawMember gone, Func<Guid, string> nameOf, Func<Guid, bool> available, TimeSpan answerWindow, DateTime nowUtc)
    {
        var group = _groups.Single(g => g.Index == gone.GroupIndex);
        var deadline = nowUtc + answerWindow < EvaluationStartUtc ? nowUtc + answerWindow : EvaluationStartUtc;
        var standby = _members.Where(m => m.GroupIndex == group.Index && m.State == DrawMemberState.Standby && available(m.ExpertId)).MinBy(m => m.Order);
        if (standby is not null)
        {
            standby.Invite(gone.Id, nowUtc, deadline);
            Revision++;
            return standby;
        }
        var inDraw = _members.Select(m => m.ExpertId).ToHashSet();
        var lastOrder = _members.Where(m => m.GroupIndex == group.Index).Max(m => m.Order);
        var candidates = CandidatesOf(group);
        var picks = DrawAlgorithm.Picks(SeedBytes, group.Index, candidates, candidates.Count);
        for (var order = lastOrder + 1; order < picks.Length; order++)
        {
            if (!inDraw.Contains(picks[order]) && available(picks[order]))
            {
                var member = new DrawMember(Id, group.Index, order, picks[order], nameOf(picks[order]), DrawMemberState.Invited, nowUtc, deadline, gone.Id);
                _members.Add(member);
                Revision++;
                return member;
            }
        }
        return null;
    }

    /// <summary>The group's sorted pool without experts picked at the draw by earlier groups.</summary>
    internal List<Guid> CandidatesOf(DrawGroup group)
    {
        var earlier = InitialPicks().Where(p => p.Group < group.Index).Select(p => p.ExpertId).ToHashSet();
        return group.PoolIds.Where(id => !earlier.Contains(id)).ToList();
    }

    private IEnumerable<(int Group, Guid ExpertId)> InitialPicks()
    {
        var sizes = _groups.ToDictionary(g => g.Index, g => g.Count + g.Backups);
        return _members.Where(m => m.Order < sizes[m.GroupIndex]).Select(m => (m.GroupIndex, m.ExpertId));
    }
}

/// <summary>One specialty of a draw: how many, how many backups, the eligible pool and who each rule removed.</summary>
public class DrawGroup
{
    private DrawGroup() { }

    internal DrawGroup(Guid drawId, int index, string specialtyCode, string specialtyName, int count, int backups,
        IReadOnlyList<Guid> sortedPool, string poolHash, int candidatesBefore, Dictionary<RecusalRule, List<Guid>> removed)
    {
        DrawId = drawId;
        Index = index;
        SpecialtyCode = specialtyCode;
        SpecialtyName = specialtyName;
        Count = count;
        Backups = backups;
        PoolSize = sortedPool.Count;
        PoolHash = poolHash;
        Pool = new byte[sortedPool.Count * 16];
        for (var i = 0; i < sortedPool.Count; i++)
        {
            sortedPool[i].TryWriteBytes(Pool.AsSpan(i * 16, 16));
        }
        CandidatesBeforeRules = candidatesBefore;
        RemovedJson = JsonSerializer.Serialize(removed.ToDictionary(r => r.Key.ToString(), r => r.Value));
    }

    public int Id { get; private set; }
    public Guid DrawId { get; private set; }
    public int Index { get; private set; }
    public string SpecialtyCode { get; private set; } = "";
    public string SpecialtyName { get; private set; } = "";
    public int Count { get; private set; }
    public int Backups { get; private set; }
    /// <summary>Experts holding the specialty before any rule.</summary>
    public int CandidatesBeforeRules { get; private set; }
    public int PoolSize { get; private set; }
    public string PoolHash { get; private set; } = "";
    /// <summary>The sorted eligible pool, 16 bytes per expert id: lets an auditor see exactly which experts differ.</summary>
    public byte[] Pool { get; private set; } = [];
    /// <summary>Rule → experts it removed, as JSON.</summary>
    public string RemovedJson { get; private set; } = "";

    public IReadOnlyList<Guid> PoolIds
    {
        get
        {
            var ids = new Guid[Pool.Length / 16];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = new Guid(Pool.AsSpan(i * 16, 16));
            }
            return ids;
        }
    }

    public IReadOnlyDictionary<RecusalRule, List<Guid>> Removed =>
        JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(RemovedJson)!
            .ToDictionary(r => Enum.Parse<RecusalRule>(r.Key), r => r.Value);
}

/// <summary>A drawn expert: pick <see cref="Order"/> of the group's sequence, invited or standing by.</summary>
public class DrawMember
{
    private DrawMember() { }

    internal DrawMember(Guid drawId, int groupIndex, int order, Guid expertId, string expertName, DrawMemberState state,
        DateTime? invitedUtc, DateTime? deadlineUtc, Guid? replacesMemberId)
    {
        Id = Guid.NewGuid();
        DrawId = drawId;
        GroupIndex = groupIndex;
        Order = order;
        ExpertId = expertId;
        ExpertName = expertName;
        State = state;
        InvitedUtc = invitedUtc;
        ResponseDeadlineUtc = deadlineUtc;
        ReplacesMemberId = replacesMemberId;
    }

    public Guid Id { get; private set; }
    public Guid DrawId { get; private set; }
    public int GroupIndex { get; private set; }
    public int Order { get; private set; }
    public Guid ExpertId { get; private set; }
    public string ExpertName { get; private set; } = "";
    public DrawMemberState State { get; private set; }
    public DateTime? InvitedUtc { get; private set; }
    public DateTime? ResponseDeadlineUtc { get; private set; }
    public DateTime? RespondedUtc { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The member this one replaces after a decline or no answer.</summary>
    public Guid? ReplacesMemberId { get; private set; }

    internal void Answer(DrawMemberState state, string? reason, DateTime nowUtc)
    {
        State = state;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        RespondedUtc = nowUtc;
    }

    internal void Invite(Guid replaces, DateTime nowUtc, DateTime deadlineUtc)
    {
        State = DrawMemberState.Invited;
        ReplacesMemberId = replaces;
        InvitedUtc = nowUtc;
        ResponseDeadlineUtc = deadlineUtc;
    }
}

/// <summary>One look at a confidential draw: who, when, why. Saved, and so audited, before the names are returned.</summary>
public class ExpertDrawView
{
    private ExpertDrawView() { }

    public ExpertDrawView(Guid drawId, string userId, string userName, string role, string purpose, DateTime viewedUtc)
    {
        DrawId = drawId;
        UserId = userId;
        UserName = userName;
        Role = role;
        Purpose = purpose;
        ViewedUtc = viewedUtc;
    }

    public long Id { get; private set; }
    public Guid DrawId { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public DateTime ViewedUtc { get; private set; }
}

/// <summary>The lot and its parties, as the project module holds them at the time of the draw.</summary>
public sealed record DrawSubject(Guid LotId, Guid ProjectId, string ProjectCode, string ProjectName, string LotName, string RegionCode,
    string TendererName, string? AgentName, string? TendererUserId, string? AgentUserId, TradeType TradeType, string SupervisingDepartmentName);

public sealed record DrawGroupRequest(string SpecialtyCode, int Count, int Backups);

/// <summary>What the clerk asks for.</summary>
public sealed record DrawRequest(
    Guid LotId,
    IReadOnlyList<DrawGroupRequest> Groups,
    DateTime EvaluationStartUtc,
    DateTime EvaluationEndUtc,
    string Place,
    bool IsRemote,
    IReadOnlyList<Guid> BidderEntityIds,
    RecusalSettings Rules,
    DateTime ResponseDeadlineUtc);
