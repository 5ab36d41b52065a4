using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.Experts;

/// <summary>
/// The messages of the draw. Who was drawn stays confidential: an expert hears only of their own invitation, the
/// clerk who ran the draw only that a replacement happened (the names are on the draw page, where every look is recorded).
/// </summary>
internal static class ExpertNotices
{
    /// <summary>Each invited expert (not the standbys) is told of their own invitation.</summary>
    public static async Task InvitedAsync(this INotifier? notifier, TradeDbContext db, ExpertDraw draw, IEnumerable<DrawMember> members,
        CancellationToken cancellationToken)
    {
        foreach (var member in members.Where(m => m.State == DrawMemberState.Invited))
        {
            var replacing = member.ReplacesMemberId is not null;
            await notifier.TellAsync(db, Recipients.Expert(member.ExpertId), NotificationKind.ExpertInvitation,
                $"评标邀请{(replacing ? "（替补）" : "")}：{draw.ProjectName}",
                $"您被抽取为“{draw.ProjectName} {draw.LotName}”的评标专家{(replacing ? "（替补）" : "")}。评标时间 {ChinaTime.Format(draw.EvaluationStartUtc)}，" +
                $"{(draw.IsRemote ? "远程异地评标" : "地点 " + draw.Place)}。请于 {ChinaTime.Format(member.ResponseDeadlineUtc)} 前在“我的评标邀请”中答复。",
                "/experts/invitations", cancellationToken);
        }
    }

    /// <summary>A declined or unanswered invitation was replaced (or could not be): the new expert and the clerk who ran the draw are told.</summary>
    public static async Task ReplacedAsync(this INotifier? notifier, TradeDbContext db, ExpertDraw draw, DrawMember gone, DrawMember? replacement,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (replacement is null && gone.RespondedUtc != nowUtc)
        {
            return; // the clerk was told of this shortage when it arose
        }
        if (replacement is not null)
        {
            await notifier.InvitedAsync(db, draw, [replacement], cancellationToken);
        }
        var why = gone.State == DrawMemberState.NoAnswer ? "逾期未答复" : "拒绝了邀请";
        await notifier.TellAsync(db, Recipients.Users(draw.CreatedByUserId), NotificationKind.ExpertReplacement,
            $"专家替补：{draw.ProjectName}",
            replacement is not null
                ? $"“{draw.ProjectName} {draw.LotName}”的一位专家{why}，已按抽取记录自动替补并发出邀请。"
                : $"“{draw.ProjectName} {draw.LotName}”的一位专家{why}，专家池中已无可替补的专家，请重新组织抽取。",
            $"/experts/draws/{draw.Id}", cancellationToken);
    }
}
