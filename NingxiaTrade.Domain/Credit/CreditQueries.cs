using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Domain.Credit;

/// <summary>An entity's credit file as its page shows it.</summary>
public sealed record CreditFile(CreditAssessment Assessment, IReadOnlyList<CreditRecord> Records, IReadOnlyList<MarketBan> Bans, IReadOnlyList<CreditRepairRequest> Repairs);

/// <summary>One sanction in the public answer.</summary>
public sealed record PublicSanction(string Kind, string Reason, DateOnly From, DateOnly To);

/// <summary>What anyone may read about an approved entity's credit.</summary>
public sealed record PublicCreditReport(string CreditCode, string Name, string Rating, IReadOnlyList<PublicSanction> Sanctions);

/// <summary>Reading credit: an entity's file (readers, or the entity's own account) and the anonymous public query.</summary>
public sealed class CreditQueries(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, CreditScoringSettings settings,
    IMarketEntityDirectory entities)
{
    public async Task<CreditFile> FileAsync(Guid entityId, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.CentreClerk, Roles.Supervisor, Roles.Admin, Roles.Bidder, Roles.Tenderer, Roles.Agent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!currentUser.IsInRole(Roles.CentreClerk) && !currentUser.IsInRole(Roles.Supervisor) && !currentUser.IsInRole(Roles.Admin))
        {
            var own = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);
            if (own != entityId)
            {
                throw new AccessDeniedException("只能查看本单位的信用信息。");
            }
        }
        var approved = await entities.WasApprovedAsync(entityId, cancellationToken);
        var records = await db.CreditRecords.AsNoTracking().Where(r => r.MarketEntityId == entityId).OrderByDescending(r => r.Date).ToListAsync(cancellationToken);
        var bans = await db.MarketBans.AsNoTracking().Where(b => b.MarketEntityId == entityId).OrderByDescending(b => b.From).ToListAsync(cancellationToken);
        var repairs = await db.CreditRepairRequests.AsNoTracking().Where(r => r.MarketEntityId == entityId).OrderByDescending(r => r.RequestedUtc).ToListAsync(cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        return new CreditFile(CreditAssessment.Compute(records, bans, today, settings, approved), records, bans, repairs);
    }

    /// <summary>
    /// The public query by credit code: null for a code no approved entity holds. Sanctions are bans in force and
    /// adverse records still published.
    /// </summary>
    /// <exception cref="DomainException">The code is malformed; the message names the rule.</exception>
    public async Task<PublicCreditReport?> PublicReportAsync(string creditCode, CancellationToken cancellationToken = default)
    {
        var code = CreditCode.Parse(creditCode);
        var entity = (await entities.FindByCodesAsync([code], cancellationToken)).FirstOrDefault(e => e.Status == MarketEntityStatus.Approved);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (entity is null)
        {
            return null;
        }
        var records = await db.CreditRecords.AsNoTracking().Where(r => r.MarketEntityId == entity.Id).ToListAsync(cancellationToken);
        var bans = await db.MarketBans.AsNoTracking().Where(b => b.MarketEntityId == entity.Id).ToListAsync(cancellationToken);
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        // Only approved entities are found here.
        var assessment = CreditAssessment.Compute(records, bans, today, settings, approved: true);
        var sanctions = bans.Where(b => b.IsActiveOn(today)).OrderBy(b => b.From)
            .Select(b => new PublicSanction(b.ListName, b.Reason, b.From, b.To))
            .Concat(records.Where(r => !r.Favourable && r.IsPublishedOn(today)).OrderBy(r => r.Date)
                .Select(r => new PublicSanction(r.Kind.Chinese(), r.Summary, r.PublishFrom, r.PublishUntil)))
            .ToList();
        return new PublicCreditReport(code.Value, entity.Name, assessment.Rating, sanctions);
    }
}

/// <summary>A repair request waiting for a supervisor, with what it is about.</summary>
public sealed record RepairQueueItem(CreditRepairRequest Request, string CreditCode, string EntityName, string Target);

/// <summary>
/// 信用修复: the entity's account asks for an adverse record or a ban to stop being published; a supervisor approves
/// (the record's publication, or the ban, ends today) or rejects, with an opinion kept in the history.
/// </summary>
public sealed class CreditRepairService(IDbContextFactory<TradeDbContext> contexts, ICurrentUser currentUser, TimeProvider time, IMarketEntityDirectory entities)
{
    public async Task<Guid> RequestAsync(Guid entityId, Guid? recordId, Guid? banId, string reason, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Bidder, Roles.Tenderer, Roles.Agent);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var own = await db.Users.Where(u => u.Id == currentUser.UserId).Select(u => u.MarketEntityId).FirstOrDefaultAsync(cancellationToken);
        if (own != entityId)
        {
            throw new AccessDeniedException("只能为本单位申请信用修复。");
        }
        var today = ChinaTime.DateOf(time.GetUtcNow().UtcDateTime);
        if (recordId is { } r)
        {
            var record = await db.CreditRecords.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r && x.MarketEntityId == entityId, cancellationToken)
                ?? throw new DomainException("信用记录不存在。");
            if (record.Favourable || !record.IsPublishedOn(today))
            {
                throw new DomainException("只有正在公示的失信记录可以申请修复。");
            }
        }
        if (banId is { } b)
        {
            var ban = await db.MarketBans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == b && x.MarketEntityId == entityId, cancellationToken)
                ?? throw new DomainException("禁入记录不存在。");
            if (!ban.IsActiveOn(today) && ban.From <= today)
            {
                throw new DomainException("该禁入已结束，无需修复。");
            }
        }
        if (await db.CreditRepairRequests.AnyAsync(x => x.MarketEntityId == entityId && x.Status == RepairStatus.Pending
                && x.CreditRecordId == recordId && x.MarketBanId == banId, cancellationToken))
        {
            throw new DomainException("该记录已有修复申请正在处理。");
        }
        var request = new CreditRepairRequest(entityId, recordId, banId, reason, currentUser.ActorName(), time.GetUtcNow().UtcDateTime);
        db.CreditRepairRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Id;
    }

    public async Task<IReadOnlyList<RepairQueueItem>> PendingAsync(CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = await db.CreditRepairRequests.AsNoTracking().Where(q => q.Status == RepairStatus.Pending).OrderBy(q => q.RequestedUtc)
            .ToListAsync(cancellationToken);
        var cards = (await entities.GetManyAsync(requests.Select(q => q.MarketEntityId), cancellationToken)).ToDictionary(e => e.Id);
        var pending = requests.Where(q => cards.ContainsKey(q.MarketEntityId))
            .Select(q => new { q, Code = CreditCode.Parse(cards[q.MarketEntityId].CreditCode), cards[q.MarketEntityId].Name }).ToList();
        var recordIds = pending.Where(p => p.q.CreditRecordId != null).Select(p => p.q.CreditRecordId!.Value).ToList();
        var banIds = pending.Where(p => p.q.MarketBanId != null).Select(p => p.q.MarketBanId!.Value).ToList();
        var records = await db.CreditRecords.AsNoTracking().Where(r => recordIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var bans = await db.MarketBans.AsNoTracking().Where(b => banIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        return pending.Select(p => new RepairQueueItem(p.q, p.Code.Value, p.Name,
            p.q.CreditRecordId is { } rid && records.TryGetValue(rid, out var rec) ? $"{rec.Kind.Chinese()}：{rec.Summary}（{rec.DocumentNumber}）"
            : p.q.MarketBanId is { } bid && bans.TryGetValue(bid, out var ban) ? $"{ban.ListName}：{ban.Reason}（至 {ChinaTime.FormatDate(ban.To)}）"
            : "")).ToList();
    }

    public async Task DecideAsync(Guid requestId, bool approve, string opinion, CancellationToken cancellationToken = default)
    {
        currentUser.Demand(Roles.Supervisor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.CreditRepairRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken) ?? throw new DomainException("信用修复申请不存在。");
        var now = time.GetUtcNow().UtcDateTime;
        request.Decide(approve, currentUser.ActorName(), opinion, now);
        if (approve)
        {
            var today = ChinaTime.DateOf(now);
            if (request.CreditRecordId is { } r)
            {
                (await db.CreditRecords.FirstAsync(x => x.Id == r, cancellationToken)).Repair(today);
            }
            if (request.MarketBanId is { } b)
            {
                (await db.MarketBans.FirstAsync(x => x.Id == b, cancellationToken)).Lift(today, "信用修复：" + opinion.Trim());
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
