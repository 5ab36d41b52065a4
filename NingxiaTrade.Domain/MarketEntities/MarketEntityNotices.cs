using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.Notifications;

namespace NingxiaTrade.Domain.MarketEntities;

/// <summary>The review's answer goes to the entity's accounts (and the one that registered it).</summary>
internal static class MarketEntityNotices
{
    public static Task ReviewedAsync(this INotifier? notifier, TradeDbContext db, MarketEntity entity, string what, bool approved, string? opinion,
        CancellationToken cancellationToken) =>
        notifier.TellAsync(db, Recipients.Entity(entity.Id).And(Recipients.Users(entity.OwnerUserId)), NotificationKind.EntityReviewDecided,
            $"{what}{(approved ? "审核通过" : "被退回")}：{entity.Name}",
            $"“{entity.Name}”的{what}{(approved ? "已审核通过" : "被退回，请按退回理由修改后重新提交")}。" +
            (string.IsNullOrWhiteSpace(opinion) ? "" : $"{(approved ? "审核意见" : "退回理由")}：{opinion.Trim()}"),
            "/entities/mine", cancellationToken);
}
