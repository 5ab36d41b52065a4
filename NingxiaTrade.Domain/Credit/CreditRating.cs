using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Domain.Credit;

/// <summary>
/// The credit score settings (section <c>Credit:Scoring</c>): points of each kind of record while it is published, and
/// the rating thresholds. Defaults follow common practice of provincial trading platforms; an administrator changes
/// them in configuration.
/// </summary>
public sealed class CreditScoringSettings
{
    public int BaseScore { get; set; } = 100;
    public int AdministrativePenalty { get; set; } = -15;
    public int ComplaintFinding { get; set; } = -5;
    public int PerformancePoor { get; set; } = -8;
    public int PerformanceGood { get; set; } = 2;
    public int Commendation { get; set; } = 3;
    public int CourtDishonestList { get; set; } = -30;
    public int ActiveBan { get; set; } = -40;
    /// <summary>Highest score; commendations cannot lift it above this.</summary>
    public int MaxScore { get; set; } = 100;
    public int RatingA { get; set; } = 90;
    public int RatingB { get; set; } = 75;
    public int RatingC { get; set; } = 60;

    public int PointsOf(CreditRecord record) => record.Kind switch
    {
        CreditRecordKind.AdministrativePenalty => AdministrativePenalty,
        CreditRecordKind.ComplaintFinding => ComplaintFinding,
        CreditRecordKind.PerformanceEvaluation => record.Favourable ? PerformanceGood : PerformancePoor,
        CreditRecordKind.Commendation => Commendation,
        CreditRecordKind.CourtDishonestList => CourtDishonestList,
    };
}

/// <summary>One line of the explanation: what counted and by how many points.</summary>
public sealed record CreditScoreLine(string Text, int Points);

/// <summary>An entity's score, rating A–D and the explanation of every addition and deduction.</summary>
public sealed record CreditAssessment(int Score, string Rating, IReadOnlyList<CreditScoreLine> Lines, DateOnly AsOf)
{
    /// <summary>The rating of an entity no trading centre has yet approved: nobody has checked what it declared.</summary>
    public const string NotRated = "未评级";

    public string RatingChinese => Rating switch
    {
        NotRated => "未评级（审核通过后评定）",
        "A" => "A级（守信）",
        "B" => "B级（基本守信）",
        "C" => "C级（失信）",
        _ => "D级（严重失信）",
    };

    /// <summary>
    /// Base score plus the points of each record published on <paramref name="asOf"/> and of each ban in force;
    /// an entity under a ban in force is rated D whatever its score. An entity never approved by a trading centre
    /// (<paramref name="approved"/> false: its registration is a draft, under review or returned) is
    /// <see cref="NotRated"/> — a full base score would otherwise rate an unchecked newcomer A.
    /// </summary>
    public static CreditAssessment Compute(IEnumerable<CreditRecord> records, IEnumerable<MarketBan> bans, DateOnly asOf, CreditScoringSettings settings,
        bool approved)
    {
        var lines = new List<CreditScoreLine> { new($"基础分", settings.BaseScore) };
        foreach (var record in records.Where(r => r.IsPublishedOn(asOf)).OrderBy(r => r.Date))
        {
            var label = record.Kind == CreditRecordKind.PerformanceEvaluation
                ? (record.Favourable ? "履约评价（良好）" : "履约评价（不良）")
                : record.Kind.Chinese();
            lines.Add(new($"{label}：{record.Summary}（{record.DocumentNumber}，{ChinaTime.FormatDate(record.Date)}，公示至 {ChinaTime.FormatDate(record.PublishUntil)}）",
                settings.PointsOf(record)));
        }
        var activeBans = bans.Where(b => b.IsActiveOn(asOf)).OrderBy(b => b.From).ToList();
        foreach (var ban in activeBans)
        {
            lines.Add(new($"{ban.ListName}（{ban.ScopeChinese}，{ChinaTime.FormatDate(ban.From)} 至 {ChinaTime.FormatDate(ban.To)}）：{ban.Reason}", settings.ActiveBan));
        }
        var score = Math.Clamp(lines.Sum(l => l.Points), 0, settings.MaxScore);
        var rating = activeBans.Count > 0 ? "D"
            : !approved ? NotRated
            : score >= settings.RatingA ? "A"
            : score >= settings.RatingB ? "B"
            : score >= settings.RatingC ? "C"
            : "D";
        if (activeBans.Count > 0)
        {
            lines.Add(new("处于市场禁入期内，信用等级评为 D 级", 0));
        }
        else if (!approved)
        {
            lines.Add(new("登记信息尚未经交易中心审核通过，暂不评定信用等级", 0));
        }
        return new CreditAssessment(score, rating, lines, asOf);
    }
}
