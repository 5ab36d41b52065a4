using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Experts;

/// <summary>
/// 回避规则, in the order they are checked: an excluded expert is counted against the first rule that removes them. Records
/// keep the rule's name, never its number, so rules may be inserted.
/// </summary>
public enum RecusalRule
{
    Unavailable = 1,
    LowCredit = 2,
    EmployerIsTendererOrAgent = 3,
    EmployerIsSupervisingDepartment = 4,
    EmployerIsBidderOrLinked = 5,
    FormerEmployerIsBidder = 6,
    DeclaredConflict = 7,
    FrequentForTenderer = 8,
    SameCity = 9,
}

/// <summary>The recusal rules in force for one draw, each switchable, with their parameters. Recorded with the draw.</summary>
public sealed record RecusalSettings
{
    public bool EmployerIsTendererOrAgent { get; init; } = true;
    public bool EmployerIsSupervisingDepartment { get; init; } = true;
    public bool EmployerIsBidderOrLinked { get; init; } = true;
    /// <summary>Only applies to government procurement (政府采购法实施条例 第9条).</summary>
    public bool FormerEmployerIsBidder { get; init; } = true;
    /// <summary>How far back a past employment with a supplier counts, in years.</summary>
    public int FormerEmployerYears { get; init; } = 3;
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
        EmployerIsTendererOrAgent = false, EmployerIsSupervisingDepartment = false, EmployerIsBidderOrLinked = false, FormerEmployerIsBidder = false,
        DeclaredConflict = false,
        FrequentForTenderer = false, Unavailable = false, LowCredit = false, SameCity = false,
    };

    /// <summary>Whether the rule applies to a draw of this kind: some rules hold only for remote sessions or one trade type.</summary>
    public bool IsOn(RecusalRule rule, bool remote, TradeType type) => rule switch
    {
        RecusalRule.Unavailable => Unavailable,
        RecusalRule.LowCredit => LowCredit,
        RecusalRule.EmployerIsTendererOrAgent => EmployerIsTendererOrAgent,
        RecusalRule.EmployerIsSupervisingDepartment => EmployerIsSupervisingDepartment,
        RecusalRule.EmployerIsBidderOrLinked => EmployerIsBidderOrLinked,
        RecusalRule.FormerEmployerIsBidder => FormerEmployerIsBidder && type == TradeType.GovernmentProcurement,
        RecusalRule.DeclaredConflict => DeclaredConflict,
        RecusalRule.FrequentForTenderer => FrequentForTenderer,
        RecusalRule.SameCity => SameCity && remote,
    };

    public void Validate()
    {
        if (FrequentForTenderer && (FrequentMaxTimes < 0 || FrequentDays is < 1 or > 3650))
        {
            throw new DomainException("“同一招标人频次”规则的次数应不小于0，天数应为1至3650天。");
        }
        if (LowCredit && CreditThreshold is < 0 or > 100)
        {
            throw new DomainException("信用分阈值应为0至100。");
        }
        if (FormerEmployerIsBidder && FormerEmployerYears < 3)
        {
            // 政府采购法实施条例 第9条: three years is the statutory floor, a draw may only look further back.
            throw new DomainException("“曾任职于供应商”规则的年限不得少于3年（《政府采购法实施条例》第九条）。");
        }
    }

    /// <summary>The rule as a clerk reads it, with its parameters and legal basis.</summary>
    public string Describe(RecusalRule rule) => rule switch
    {
        RecusalRule.Unavailable => "专家状态不是“在库”或评标时间在请假期内",
        RecusalRule.LowCredit => $"专家信用分低于{CreditThreshold}分",
        RecusalRule.EmployerIsTendererOrAgent => "工作单位是招标人（采购人）或招标代理机构（采购代理机构）（按单位或名称比对）",
        RecusalRule.EmployerIsSupervisingDepartment => "工作单位是本项目的行政监督部门",
        RecusalRule.EmployerIsBidderOrLinked => "工作单位是投标人，或与投标人法定代表人相同、银行账户相同",
        RecusalRule.FormerEmployerIsBidder => $"政府采购项目：评审前{FormerEmployerYears}年内曾任职于供应商（按登记的任职经历比对单位或统一社会信用代码）",
        RecusalRule.DeclaredConflict => "专家申报须回避的单位是本项目招标人、代理机构或投标人",
        RecusalRule.FrequentForTenderer => $"近{FrequentDays}天内为同一招标人被抽中超过{FrequentMaxTimes}次",
        RecusalRule.SameCity => "远程异地评标时回避项目所在市的专家",
    };

    /// <summary>
    /// The legal basis of a rule for a draw of <paramref name="type"/>, as users read it. Rules no law states are marked
    /// 本平台规则 rather than credited to an article that does not say them.
    /// </summary>
    public static string Basis(RecusalRule rule, TradeType type) => rule switch
    {
        RecusalRule.Unavailable => "《评标专家和评标专家库管理办法》第十六条",
        RecusalRule.LowCredit => "《评标专家和评标专家库管理办法》第十五条（考核不合格暂停）",
        // 评标委员会和评标方法暂行规定（12号令）第12条 does not name the tenderer's or agent's staff; procurement law does.
        RecusalRule.EmployerIsTendererOrAgent => type == TradeType.GovernmentProcurement
            ? "《政府采购货物和服务招标投标管理办法》（财政部令第87号）第四十七条第三款；《政府采购非招标采购方式管理办法》（财政部令第74号）第七条"
            : PlatformRule + "：招标人、招标代理机构的工作人员不以评标专家身份参加本项目评标",
        RecusalRule.EmployerIsSupervisingDepartment => "《招标投标法实施条例》第四十六条第四款（行政监督部门的工作人员不得担任本部门负责监督项目的评标委员会成员）",
        RecusalRule.EmployerIsBidderOrLinked => "《评标委员会和评标方法暂行规定》第十二条第（三）项（利害关系）",
        RecusalRule.FormerEmployerIsBidder => "《政府采购法实施条例》第九条（参加采购活动前3年内与供应商存在劳动关系）",
        RecusalRule.DeclaredConflict => "《评标委员会和评标方法暂行规定》第十二条、第十三条（主动回避）",
        RecusalRule.FrequentForTenderer => PlatformRule + "：同一招标人抽取频次控制",
        RecusalRule.SameCity => PlatformRule + "：远程异地评标回避本地专家",
    };

    /// <summary>How a rule no law states is cited.</summary>
    public const string PlatformRule = "本平台规则";

    public static string Title(RecusalRule rule) => rule switch
    {
        RecusalRule.Unavailable => "状态或请假",
        RecusalRule.LowCredit => "信用不足",
        RecusalRule.EmployerIsTendererOrAgent => "任职于招标人或代理机构",
        RecusalRule.EmployerIsSupervisingDepartment => "任职于行政监督部门",
        RecusalRule.EmployerIsBidderOrLinked => "任职于投标人或其关联单位",
        RecusalRule.FormerEmployerIsBidder => "近年曾任职于供应商",
        RecusalRule.DeclaredConflict => "申报回避单位",
        RecusalRule.FrequentForTenderer => "同一招标人频次",
        RecusalRule.SameCity => "同城回避",
    };
}

/// <summary>The compact projection of an expert a draw filters: no names of other modules, no per-expert queries.</summary>
public sealed record DrawCandidate(Guid Id, ExpertStatus Status, string RegionCode, Guid? EmployerEntityId, string EmployerName, int CreditScore)
{
    /// <summary>The expert's recorded employment history (任职经历); empty when not known.</summary>
    public IReadOnlyList<PastEmployment> Employments { get; init; } = [];
}

/// <summary>One entry of an expert's employment history as the draw compares it.</summary>
public sealed record PastEmployment(string EmployerName, string? CreditCode, DateOnly From, DateOnly? To);

/// <summary>What the draw knows about the lot's parties and the pool's history, loaded in a few set queries.</summary>
public sealed class RecusalFacts
{
    public HashSet<Guid> TendererAndAgentEntities { get; init; } = [];
    public HashSet<string> TendererAndAgentNames { get; init; } = new(StringComparer.Ordinal);
    public HashSet<Guid> BidderEntities { get; init; } = [];
    /// <summary>Entities sharing a legal representative or a bank account with a bidder.</summary>
    public HashSet<Guid> LinkedEntities { get; init; } = [];
    public HashSet<string> BidderNames { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The bidders' unified social credit codes.</summary>
    public HashSet<string> BidderCreditCodes { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The project's supervising department, full and short name, normalised.</summary>
    public HashSet<string> SupervisingDepartmentNames { get; init; } = new(StringComparer.Ordinal);
    public TradeType TradeType { get; init; }
    /// <summary>The first day of the evaluation (China time): past employments are measured back from it.</summary>
    public DateOnly EvaluationDate { get; init; }
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
        // 招标投标法实施条例 第46条第4款: staff of the supervising department do not sit on its projects' committees.
        if (rules.EmployerIsSupervisingDepartment
            && (SupervisingDepartmentNames.Contains(employer) || CurrentEmployments(c).Any(e => SupervisingDepartmentNames.Contains(NormaliseName(e.EmployerName)))))
        {
            return RecusalRule.EmployerIsSupervisingDepartment;
        }
        if (rules.EmployerIsBidderOrLinked
            && ((c.EmployerEntityId is { } e2 && (BidderEntities.Contains(e2) || LinkedEntities.Contains(e2))) || BidderNames.Contains(employer)))
        {
            return RecusalRule.EmployerIsBidderOrLinked;
        }
        // 政府采购法实施条例 第9条: a labour relation with a supplier within the last three years.
        if (rules.IsOn(RecusalRule.FormerEmployerIsBidder, remote, TradeType)
            && c.Employments.Any(e => EndedWithin(e, rules.FormerEmployerYears) && IsBidder(e)))
        {
            return RecusalRule.FormerEmployerIsBidder;
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

    private IEnumerable<PastEmployment> CurrentEmployments(DrawCandidate c) =>
        c.Employments.Where(e => e.From <= EvaluationDate && (e.To is null || e.To >= EvaluationDate));

    private bool EndedWithin(PastEmployment e, int years) => e.To is not { } to || to >= EvaluationDate.AddYears(-years);

    private bool IsBidder(PastEmployment e) =>
        (e.CreditCode is { Length: > 0 } code && BidderCreditCodes.Contains(code)) || BidderNames.Contains(NormaliseName(e.EmployerName));
}
