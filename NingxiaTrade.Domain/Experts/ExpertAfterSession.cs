using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Domain.Experts;

/// <summary>
/// 专家劳务费标准 (section <c>Experts:Fees</c>): a base amount for the first hours, an hourly rate after, and a cap per
/// session. Started hours count as whole hours.
/// </summary>
public sealed class ExpertFeeStandard
{
    public int BaseHours { get; set; } = 4;
    public long BaseFen { get; set; } = 80_000;
    public long HourlyFen { get; set; } = 15_000;
    public long CapFen { get; set; } = 200_000;

    /// <summary>The fee for a session of <paramref name="duration"/>.</summary>
    public Money Calculate(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return Money.Zero;
        }
        var hours = (long)Math.Ceiling(duration.TotalHours - 1e-9);
        var fee = BaseFen + Math.Max(0, hours - BaseHours) * HourlyFen;
        return new Money(Math.Min(fee, CapFen));
    }
}

/// <summary>Ratings of one assessment (考评), 1 (poor) to 5 (excellent).</summary>
public sealed record AssessmentScores(int Punctuality, int Competence, int Fairness, int Discipline)
{
    public int Total => Punctuality + Competence + Fairness + Discipline;
}

/// <summary>
/// 专家考评 rule (section <c>Experts:Assessment</c>): an assessment totalling at most <see cref="PoorAtMost"/> is poor and
/// costs <see cref="PoorPenalty"/> credit points; a good one (≥ <see cref="GoodAtLeast"/>) gains <see cref="GoodBonus"/>;
/// <see cref="SuspendAfterPoor"/> poor assessments within <see cref="WindowDays"/> days suspend the expert.
/// </summary>
public sealed class AssessmentRules
{
    public int PoorAtMost { get; set; } = 10;
    public int GoodAtLeast { get; set; } = 17;
    public int PoorPenalty { get; set; } = 10;
    public int GoodBonus { get; set; } = 1;
    public int SuspendAfterPoor { get; set; } = 2;
    public int WindowDays { get; set; } = 365;
}

/// <summary>A clerk's or the tenderer's assessment of one expert after a session.</summary>
public class ExpertAssessment
{
    private ExpertAssessment() { }

    public ExpertAssessment(Guid drawId, Guid expertId, string assessorUserId, string assessorRole, AssessmentScores scores, string? comment, bool poor, DateTime nowUtc)
    {
        foreach (var s in new[] { scores.Punctuality, scores.Competence, scores.Fairness, scores.Discipline })
        {
            if (s is < 1 or > 5)
            {
                throw new DomainException("每项评分应为1至5分。");
            }
        }
        DrawId = drawId;
        ExpertId = expertId;
        AssessorUserId = assessorUserId;
        AssessorRole = assessorRole;
        Punctuality = scores.Punctuality;
        Competence = scores.Competence;
        Fairness = scores.Fairness;
        Discipline = scores.Discipline;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        IsPoor = poor;
        CreatedUtc = nowUtc;
    }

    public long Id { get; private set; }
    public Guid DrawId { get; private set; }
    public Guid ExpertId { get; private set; }
    public string AssessorUserId { get; private set; } = "";
    public string AssessorRole { get; private set; } = "";
    public int Punctuality { get; private set; }
    public int Competence { get; private set; }
    public int Fairness { get; private set; }
    public int Discipline { get; private set; }
    public string? Comment { get; private set; }
    public bool IsPoor { get; private set; }
    public DateTime CreatedUtc { get; private set; }
}

public sealed record FeeSheetRow(string Name, string Employer, string Specialty, TimeSpan Duration, Money Fee);

/// <summary>After the session: assessments feeding expert credit and suspension, and the fee sheet.</summary>
public sealed class ExpertSessionService(IDbContextFactory<TradeDbContext> contexts, ICurrentUser user, TimeProvider time,
    AssessmentRules rules, ExpertFeeStandard fees, IProjectDirectory projects)
{
    /// <summary>A draw of a project the caller may see (the projects module's scope); any other is answered like an unknown draw.</summary>
    private async Task<ExpertDraw> DrawInScopeAsync(TradeDbContext db, Guid drawId, bool withMembers, CancellationToken cancellationToken)
    {
        var query = db.ExpertDraws.AsNoTracking();
        if (withMembers)
        {
            query = query.Include(d => d.Groups).Include(d => d.Members).AsSplitQuery();
        }
        var draw = await query.SingleOrDefaultAsync(d => d.Id == drawId, cancellationToken);
        if (draw is null || await projects.FindAsync(draw.ProjectId, cancellationToken) is null)
        {
            throw new NotFoundException("未找到该抽取记录。");
        }
        return draw;
    }

    /// <summary>Assessment by the clerk (any) or the project's tenderer, once the session has started.</summary>
    public async Task AssessAsync(Guid drawId, Guid expertId, AssessmentScores scores, string? comment, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Tenderer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var draw = await DrawInScopeAsync(db, drawId, withMembers: false, cancellationToken);
        if (!draw.SessionStarted(now))
        {
            throw new DomainException("评标开始后才能考评专家。");
        }
        if (user.IsInRole(Roles.Tenderer) && !user.IsInRole(Roles.CentreClerk) && draw.TendererUserId != user.UserId)
        {
            throw new AccessDeniedException("只有本项目的招标人可以考评。");
        }
        if (!await db.DrawMembers.AnyAsync(m => m.DrawId == drawId && m.ExpertId == expertId && m.State == DrawMemberState.Accepted, cancellationToken))
        {
            throw new DomainException("该专家不是本次评标委员会成员。");
        }
        var role = user.IsInRole(Roles.CentreClerk) ? Roles.CentreClerk : Roles.Tenderer;
        if (await db.ExpertAssessments.AnyAsync(a => a.DrawId == drawId && a.ExpertId == expertId && a.AssessorRole == role, cancellationToken))
        {
            throw new DomainException("已考评过该专家。");
        }
        var poor = scores.Total <= rules.PoorAtMost;
        db.ExpertAssessments.Add(new ExpertAssessment(drawId, expertId, user.UserId ?? "", role, scores, comment, poor, now));
        var expert = await db.Experts.SingleAsync(e => e.Id == expertId, cancellationToken);
        expert.AdjustCredit(poor ? -rules.PoorPenalty : scores.Total >= rules.GoodAtLeast ? rules.GoodBonus : 0);
        if (poor)
        {
            var since = now.AddDays(-rules.WindowDays);
            var earlier = await db.ExpertAssessments.CountAsync(a => a.ExpertId == expertId && a.IsPoor && a.CreatedUtc >= since, cancellationToken);
            if (earlier + 1 >= rules.SuspendAfterPoor)
            {
                expert.Suspend($"{rules.WindowDays}天内考评较差{earlier + 1}次，自动暂停");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What a fee-sheet download is recorded as in the draw's view log.</summary>
    public const string FeeSheetPurpose = "下载专家劳务费表";

    /// <summary>The fee of every accepted member for the session's recorded duration; the download is recorded as a view.</summary>
    public async Task<IReadOnlyList<FeeSheetRow>> FeeSheetAsync(Guid drawId, CancellationToken cancellationToken = default)
    {
        user.Demand(Roles.CentreClerk, Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var draw = await DrawInScopeAsync(db, drawId, withMembers: true, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var allowed = ExpertDrawService.MaySee(draw, user);
        // The sheet names the committee: every download, and every refused one, is a look at the draw.
        db.ExpertDrawViews.Add(new ExpertDrawView(draw.Id, user.UserId ?? "", user.DisplayName ?? user.UserName ?? "", user.Role ?? "",
            allowed ? FeeSheetPurpose : "被拒绝：" + FeeSheetPurpose, now));
        await db.SaveChangesAsync(cancellationToken);
        if (!allowed)
        {
            throw new AccessDeniedException(ExpertDrawService.ConfidentialMessage);
        }
        var ids = draw.Members.Select(m => m.ExpertId).ToList();
        var employers = await db.Experts.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.EmployerName, cancellationToken);
        var duration = draw.EvaluationEndUtc - draw.EvaluationStartUtc;
        return draw.Members.Where(m => m.State == DrawMemberState.Accepted).OrderBy(m => m.GroupIndex).ThenBy(m => m.Order)
            .Select(m => new FeeSheetRow(m.ExpertName, employers.GetValueOrDefault(m.ExpertId, ""), draw.Groups.Single(g => g.Index == m.GroupIndex).SpecialtyName,
                duration, fees.Calculate(duration))).ToList();
    }

    /// <summary>The fee sheet as .xlsx (widths set by hand: AdjustToContents needs libgdiplus).</summary>
    public async Task<byte[]> FeeSheetXlsxAsync(Guid drawId, CancellationToken cancellationToken = default)
    {
        var rows = await FeeSheetAsync(drawId, cancellationToken);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("专家劳务费");
        string[] header = ["序号", "姓名", "工作单位", "专业", "评标时长（小时）", "劳务费（元）"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sheet.Cell(i + 2, 1).Value = i + 1;
            sheet.Cell(i + 2, 2).Value = r.Name;
            sheet.Cell(i + 2, 3).Value = r.Employer;
            sheet.Cell(i + 2, 4).Value = r.Specialty;
            sheet.Cell(i + 2, 5).Value = Math.Round(r.Duration.TotalHours, 1);
            sheet.Cell(i + 2, 6).Value = r.Fee.Yuan;
            sheet.Cell(i + 2, 6).Style.NumberFormat.Format = "#,##0.00";
        }
        sheet.Cell(rows.Count + 2, 5).Value = "合计";
        sheet.Cell(rows.Count + 2, 6).Value = rows.Sum(r => r.Fee.Yuan);
        double[] widths = [6, 12, 30, 20, 16, 14];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
