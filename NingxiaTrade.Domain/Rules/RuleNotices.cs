using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.Rules;

/// <summary>The messages of the rule inventory: the legal office's decision, a comment period opened.</summary>
internal static class RuleNotices
{
    /// <summary>The department that submitted the rule hears the legal office's decision (谁制定、谁清理).</summary>
    public static Task DecidedAsync(this INotifier? notifier, TradeDbContext db, Rule rule, LegalityReview review, CancellationToken cancellationToken) =>
        notifier.TellAsync(db, Recipients.Department(rule.DepartmentId), NotificationKind.RuleReviewDecided,
            $"规则{(review.Decision == LegalityDecision.Return ? "被退回" : "审核" + review.Decision.Chinese())}：{rule.Title}",
            $"法制审核结论：{review.Decision.Chinese()}。审核意见：{review.Opinion}" + (review.Reasons is { } reasons ? $"；理由：{reasons}" : "") +
            (review.Decision == LegalityDecision.Return ? "。请答复退回意见后重新报送。" : ""),
            $"/rules/{rule.Id}", cancellationToken);

    /// <summary>The departments whose rules are put to public comment are told the period is open.</summary>
    public static async Task CommentPeriodOpenedAsync(this INotifier? notifier, TradeDbContext db, CommentPeriod period, CancellationToken cancellationToken)
    {
        var ruleIds = period.Rules.Select(r => r.RuleId).ToList();
        var departments = await db.Rules.AsNoTracking().Where(r => ruleIds.Contains(r.Id)).Select(r => r.DepartmentId).Distinct().ToListAsync(cancellationToken);
        var recipients = departments.Aggregate(Recipients.None, (all, d) => all.And(Recipients.Department(d)));
        await notifier.TellAsync(db, recipients, NotificationKind.CommentPeriodOpened,
            $"征求意见：{period.Title}",
            $"法制审核部门就本部门报送的规则公开征求意见，时间 {Common.ChinaTime.Format(period.StartsUtc)} 至 {Common.ChinaTime.Format(period.EndsUtc)}。请关注并及时研究反馈意见。",
            $"/rules/comments/{period.Id}", cancellationToken);
    }
}
