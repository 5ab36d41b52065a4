namespace NingxiaTrade.Domain.Experts;

/// <summary>回避规则, in the order they are checked: an excluded expert is counted against the first rule that removes them.</summary>
public enum RecusalRule
{
    Unavailable = 1,
    LowCredit = 2,
    EmployerIsTendererOrAgent = 3,
    EmployerIsBidderOrLinked = 4,
    DeclaredConflict = 5,
    FrequentForTenderer = 6,
    SameCity = 7,
}

/// <summary>The recusal rules in force for one draw, each switchable, with their parameters. Recorded with the draw.</summary>
public sealed record RecusalSettings
{
    public bool EmployerIsTendererOrAgent { get; init; } = true;
    public bool EmployerIsBidderOrLinked { get; init; } = true;
    public bool DeclaredConflict { get; init; } = true;
    public bool FrequentForTenderer { get; init; } = true;
    /// <summary>N: an expert drawn more than N times for the same tenderer …</summary>
    public int FrequentMaxTimes { get; init; } = 2;
    /// <summary>M: … within the last M days is avoided.</summary>
    public int FrequentDays { get; init; } = 90;
    public bool Unavailable { get; init; } = true;
    public bool LowCredit { get; init; } = true;
    public int CreditThreshold { get; init; } = 60;
    /// <summary>Only applies to remote evaluation (远程异地评标).</summary>
    public bool SameCity { get; init; } = true;

    public static RecusalSettings AllOn { get; } = new();

    public static RecusalSettings AllOff { get; } = new()
    {
        EmployerIsTendererOrAgent = false, EmployerIsBidderOrLinked = false, DeclaredConflict = false,
        FrequentForTenderer = false, Unavailable = false, LowCredit = false, SameCity = false,
    };

    public bool IsOn(RecusalRule rule, bool remote) => rule switch
    {
        RecusalRule.Unavailable => Unavailable,
        RecusalRule.LowCredit => LowCredit,
        RecusalRule.EmployerIsTendererOrAgent => EmployerIsTendererOrAgent,
        RecusalRule.EmployerIsBidderOrLinked => EmployerIsBidderOrLinked,
        RecusalRule.DeclaredConflict => DeclaredConflict,
        RecusalRule.FrequentForTenderer => FrequentForTenderer,
        RecusalRule.SameCity => SameCity && remote,
    };

    public void Validate()
    {
        if (FrequentForTenderer && (FrequentMaxTimes < 0 || FrequentDays is < 1 or > 3650))
        {
            throw new Common.DomainException("“同一招标人频次”规则的次数应不小于0，天数应为1至3650天。");
        }
        if (LowCredit && CreditThreshold is < 0 or > 100)
        {
            throw new Common.DomainException("信用分阈值应为0至100。");
        }
    }

    /// <summary>The rule as a clerk reads it, with its parameters and legal basis.</summary>
    public string Describe(RecusalRule rule) => rule switch
    {
        RecusalRule.Unavailable => "专家状态不是“在库”或评标时间在请假期内",
        RecusalRule.LowCredit => $"专家信用分低于{CreditThreshold}分",
        RecusalRule.EmployerIsTendererOrAgent => "工作单位是招标人或招标代理机构（按单位或名称比对）",
        RecusalRule.EmployerIsBidderOrLinked => "工作单位是投标人，或与投标人法定代表人相同、银行账户相同",
        RecusalRule.DeclaredConflict => "专家申报须回避的单位是本项目招标人、代理机构或投标人",
        RecusalRule.FrequentForTenderer => $"近{FrequentDays}天内为同一招标人被抽中超过{FrequentMaxTimes}次",
        RecusalRule.SameCity => "远程异地评标时回避项目所在市的专家",
    };

    public static string Basis(RecusalRule rule) => rule switch
    {
        RecusalRule.Unavailable => "《评标专家和评标专家库管理办法》第十六条",
        RecusalRule.LowCredit => "《评标专家和评标专家库管理办法》第十五条（考核不合格暂停）",
        RecusalRule.EmployerIsTendererOrAgent => "《评标委员会和评标方法暂行规定》第十二条（招标人或代理机构人员）",
        RecusalRule.EmployerIsBidderOrLinked => "《评标委员会和评标方法暂行规定》第十二条第（三）项（利害关系）",
        RecusalRule.DeclaredConflict => "《评标委员会和评标方法暂行规定》第十二条、第十三条（主动回避）",
        RecusalRule.FrequentForTenderer => "实施方案 四（五）：同一招标人抽取频次控制",
        RecusalRule.SameCity => "实施方案 四（五）：远程异地评标回避本地专家",
    };

    public static string Title(RecusalRule rule) => rule switch
    {
        RecusalRule.Unavailable => "状态或请假",
        RecusalRule.LowCredit => "信用不足",
        RecusalRule.EmployerIsTendererOrAgent => "任职于招标人或代理机构",
        RecusalRule.EmployerIsBidderOrLinked => "任职于投标人或其关联单位",
        RecusalRule.DeclaredConflict => "申报回避单位",
        RecusalRule.FrequentForTenderer => "同一招标人频次",
        RecusalRule.SameCity => "同城回避",
    };
}

/// <summary>The compact projection of an expert a draw filters: no names of other modules, no per-expert queries.</summary>
public sealed record DrawCandidate(Guid Id, ExpertStatus Status, string RegionCode, Guid? EmployerEntityId, string EmployerName, int CreditScore);

/// <summary>What the draw knows about the lot's parties and the pool's history, loaded in a few set queries.</summary>
public sealed class RecusalFacts
{
    public HashSet<Guid> TendererAndAgentEntities { get; init; } = [];
    public HashSet<string> TendererAndAgentNames { get; init; } = new(StringComparer.Ordinal);
    public HashSet<Guid> BidderEntities { get; init; } = [];
    /// <summary>Entities sharing a legal representative or a bank account with a bidder.</summary>
    public HashSet<Guid> LinkedEntities { get; init; } = [];
    public HashSet<string> BidderNames { get; init; } = new(StringComparer.Ordinal);
    /// <summary>Experts who declared a conflict with the tenderer, the agent or a bidder.</summary>
    public HashSet<Guid> ConflictedExperts { get; init; } = [];
    /// <summary>Experts invited for the same tenderer within the window, and how often.</summary>
    public Dictionary<Guid, int> TimesForTenderer { get; init; } = [];
    public HashSet<Guid> OnLeave { get; init; } = [];
    public string ProjectRegionCode { get; init; } = "";

    /// <summary>Names compared after trimming, removing spaces and folding full-width brackets.</summary>
    public static string NormaliseName(string? name) =>
        (name ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal);

    /// <summary>The first rule in force that removes the candidate, or null when the candidate is eligible.</summary>
    public RecusalRule? FirstExclusion(DrawCandidate c, RecusalSettings rules, bool remote)
    {
        if (rules.Unavailable && (c.Status != ExpertStatus.Active || OnLeave.Contains(c.Id)))
        {
            return RecusalRule.Unavailable;
        }
        if (rules.LowCredit && c.CreditScore < rules.CreditThreshold)
        {
            return RecusalRule.LowCredit;
        }
        var employer = NormaliseName(c.EmployerName);
        if (rules.EmployerIsTendererOrAgent
            && ((c.EmployerEntityId is { } e1 && TendererAndAgentEntities.Contains(e1)) || TendererAndAgentNames.Contains(employer)))
        {
            return RecusalRule.EmployerIsTendererOrAgent;
        }
        if (rules.EmployerIsBidderOrLinked
            && ((c.EmployerEntityId is { } e2 && (BidderEntities.Contains(e2) || LinkedEntities.Contains(e2))) || BidderNames.Contains(employer)))
        {
            return RecusalRule.EmployerIsBidderOrLinked;
        }
        if (rules.DeclaredConflict && ConflictedExperts.Contains(c.Id))
        {
            return RecusalRule.DeclaredConflict;
        }
        if (rules.FrequentForTenderer && TimesForTenderer.TryGetValue(c.Id, out var times) && times > rules.FrequentMaxTimes)
        {
            return RecusalRule.FrequentForTenderer;
        }
        if (rules.SameCity && remote && c.RegionCode == ProjectRegionCode)
        {
            return RecusalRule.SameCity;
        }
        return null;
    }
}
