using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Credit;

/// <summary>The gate's answer: allowed, or refused with the reason (and the ban's end date when a ban refused it).</summary>
public sealed record CreditGateResult(bool Allowed, string? Reason, DateOnly? BannedUntil = null)
{
    public static CreditGateResult Allow { get; } = new(true, null);
}

/// <summary>
/// 联合惩戒: later modules ask before letting an entity register for a lot. An entity on a ban list in force for the
/// transaction type is refused with the ban's reason and end date (实施方案 四(六)).
/// </summary>
public sealed class CreditGate(IDbContextFactory<TradeDbContext> contexts, IMarketEntityDirectory entities)
{
    public async Task<CreditGateResult> CheckAsync(Guid entityId, TradeType tradeType, DateOnly date, CancellationToken cancellationToken = default) =>
        (await CheckManyAsync([entityId], tradeType, date, cancellationToken))[entityId];

    /// <summary>The gate's answer for each of <paramref name="entityIds"/>, in two queries whatever their number.</summary>
    public async Task<IReadOnlyDictionary<Guid, CreditGateResult>> CheckManyAsync(IReadOnlyCollection<Guid> entityIds, TradeType tradeType, DateOnly date,
        CancellationToken cancellationToken = default)
    {
        var ids = entityIds.Distinct().ToList();
        var cards = (await entities.GetManyAsync(ids, cancellationToken)).ToDictionary(e => e.Id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Dates are compared in memory: a handful of bans per entity at most.
        var bans = (await db.MarketBans.AsNoTracking().Where(b => ids.Contains(b.MarketEntityId)).ToListAsync(cancellationToken))
            .ToLookup(b => b.MarketEntityId);
        var results = new Dictionary<Guid, CreditGateResult>();
        foreach (var id in ids)
        {
            results[id] = Check(cards.GetValueOrDefault(id), bans[id], tradeType, date);
        }
        return results;
    }

    private static CreditGateResult Check(EntityCard? entity, IEnumerable<MarketBan> bans, TradeType tradeType, DateOnly date)
    {
        if (entity is null)
        {
            return new(false, "该市场主体未在市场主体库中登记。");
        }
        if (entity.Status != MarketEntityStatus.Approved)
        {
            return new(false, $"“{entity.Name}”的登记尚未通过审核（{entity.Status.Chinese()}），不能参与交易。");
        }
        var ban = bans.Where(b => b.IsActiveOn(date) && b.Covers(tradeType)).OrderByDescending(b => b.To).FirstOrDefault();
        if (ban is null)
        {
            return CreditGateResult.Allow;
        }
        return new(false,
            $"“{entity.Name}”已被列入{ban.ListName}（{ban.Reason}{(ban.DocumentNumber is null ? "" : "，" + ban.DocumentNumber)}），"
            + $"禁入期至 {ChinaTime.FormatDate(ban.To)}，期间不得参与{tradeType.Chinese()}交易。",
            ban.To);
    }
}
